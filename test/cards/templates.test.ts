import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderCard, sampleData } from '../../src/cards/render';
import { validateCard } from './validate';

const CARDS_DIR = join(__dirname, '..', '..', 'cards');
const templates = readdirSync(CARDS_DIR)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.sample.json'))
  .map((f) => f.replace(/\.json$/, ''));

/** Teams rejects messages over about 28 KB; keep a margin for the activity envelope. */
const MAX_CARD_BYTES = 26 * 1024;

describe('card templates', () => {
  it('finds the templates', () => {
    assert.ok(templates.includes('welcome') && templates.includes('help') && templates.includes('alert'), templates.join(','));
  });

  for (const name of templates) {
    it(`${name}: renders its sample data into a valid Adaptive Card 1.5 under the size limit`, () => {
      const card = renderCard(name, sampleData(name));
      assert.equal(card.version, '1.5');
      assert.deepEqual(validateCard(card), []);
      assert.ok(Buffer.byteLength(JSON.stringify(card)) < MAX_CARD_BYTES);
    });
  }

  it('the validator catches unknown elements and bad enum values', () => {
    const problems = validateCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Bogus' }, { type: 'TextBlock', text: 'x', size: 'Enormous' }],
    });
    assert.equal(problems.length, 2, problems.join('; '));
  });

  it('refuses to render a card with an unbound field', () => {
    assert.throws(() => renderCard('alert', { severity: 'High' }), /Card "alert" has an unbound field \$\{/);
  });
});
