import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerCard, answerCardData, MAX_CARD_BYTES } from '../../src/answers/answer-card';
import { mergeClaims, MY_QUEUE_EXTRA_COLUMNS } from '../../src/answers/claims';
import { VIEWS } from '../../src/answers/views';
import { renderCard } from '../../src/cards/render';
import { EmbeddedQueryRunner } from '../../src/data/embedded-query-runner';
import { CATALOG_INTENTS, type CatalogIntent, type Slots } from '../../src/domain/intents';
import { loadCatalog, runCatalogQuery, type CatalogAnswer } from '../../src/queries';
import { createSimulatedTenant } from '../../src/sim';
import { validateCard } from '../cards/validate';
import { clock, NOW } from './support';

const CARDS = join(__dirname, '..', '..', 'cards');
const catalog = loadCatalog();
const runner = new EmbeddedQueryRunner(createSimulatedTenant({ now: NOW }), clock);
const LIMIT = 26 * 1024;

/** Slots that give each question its largest realistic result on the simulated tenant. */
const WIDEST: Record<CatalogIntent, Slots> = Object.fromEntries(CATALOG_INTENTS.map((id) => [id, {}])) as Record<CatalogIntent, Slots>;
Object.assign(WIDEST, {
  alerts: { timeRange: 'P30D' },
  alert_trend: { timeRange: 'P90D' },
  large_responses: { timeRange: 'P30D' },
  risky_signin_correlation: { timeRange: 'P30D' },
  my_queue: { user: 'elena.rodriguez@contoso.com' },
});

type Scope = { rows: Set<string>; envelope: Set<string> };

/** Identifiers in a template expression: data fields, not functions, literals or $root/$index. */
function identifiers(expression: string): string[] {
  const code = expression.replace(/'[^']*'/g, "''");
  return [...code.matchAll(/(\$?[A-Za-z_][A-Za-z0-9_]*)(\s*\()?/g)]
    .filter((m) => !m[2] && !['true', 'false', 'null'].includes(m[1]!) && !m[1]!.startsWith('$'))
    .map((m) => m[1]!);
}

/** Fields a template binds, split into the row scope (`$data: ${rows}`) and the card envelope. */
function bindings(node: unknown, inRows = false, out: Scope = { rows: new Set(), envelope: new Set() }): Scope {
  if (Array.isArray(node)) {
    for (const n of node) bindings(n, inRows, out);
    return out;
  }
  if (typeof node === 'string') {
    for (const m of node.matchAll(/\$\{([^}]*)\}/g)) for (const id of identifiers(m[1]!)) (inRows ? out.rows : out.envelope).add(id);
    return out;
  }
  if (!node || typeof node !== 'object') return out;
  const obj = node as Record<string, unknown>;
  const data = obj.$data;
  if (typeof data === 'string' && data !== '${rows}') {
    // Another repeated list (chart totals, follow-up buttons): its own fields are the renderer's, checked by rendering.
    bindings(data, inRows, out);
    return out;
  }
  for (const [k, v] of Object.entries(obj)) bindings(v, inRows || (k !== '$data' && data === '${rows}'), out);
  return out;
}

const answers = new Map<CatalogIntent, CatalogAnswer>();
async function answerFor(intent: CatalogIntent): Promise<CatalogAnswer> {
  if (!answers.has(intent)) {
    const answer = await runCatalogQuery(runner, catalog, intent, WIDEST[intent], { zoneTag: 'governance-zone' });
    // my_queue always goes through the Teams-claims merge (its card binds the Kind and TrackedBy it adds).
    answers.set(intent, intent === 'my_queue' ? mergeClaims(answer, [], NOW) : answer);
  }
  return answers.get(intent)!;
}
const input = (answer: CatalogAnswer, page = 0) => ({ answer, page, ranAt: NOW, sourceLabel: 'Resource Graph · test', portal: { title: 'Open in portal', url: 'https://portal.azure.com/#view/x' } });

describe('answer cards: templates ↔ catalog columns, real data, size', function () {
  this.timeout(30_000);

  for (const intent of CATALOG_INTENTS) {
    const query = catalog.get(intent)!;
    describe(intent, () => {
      const template = JSON.parse(readFileSync(join(CARDS, `${query.card}.json`), 'utf8'));
      const extra = intent === 'my_queue' ? MY_QUEUE_EXTRA_COLUMNS : [];
      const columns = new Set([...query.columns, ...extra].map((c) => c.name));

      it(`binds only the query's output columns inside its rows (${query.card}.json)`, () => {
        const rows = bindings(template).rows;
        // Charts-only answers bind computed series; every other card shows row fields.
        assert.equal(rows.size === 0, VIEWS[intent].extras !== undefined && !['top_callers', 'compliance', 'exec_summary'].includes(intent));
        const unknown = [...rows].filter((f) => !columns.has(f));
        assert.deepEqual(unknown, [], `not columns of ${intent}.kql: ${unknown.join(', ')}`);
      });

      it('binds only fields the renderer provides outside its rows', async () => {
        const data = answerCardData(input(await answerFor(intent)));
        const missing = [...bindings(template).envelope].filter((f) => !(f in data));
        assert.deepEqual(missing, []);
      });

      it('the CLI columns are output columns', () => {
        assert.deepEqual(VIEWS[intent].cli.filter((c) => !columns.has(c)), []);
      });

      it(`renders every page of its largest realistic result: valid, no "\${" left, under 26 KB`, async () => {
        const answer = await answerFor(intent);
        const size = VIEWS[intent].pageSize;
        const pages = size === 0 ? 1 : Math.max(1, Math.ceil(answer.result.rows.length / size));
        for (let page = 0; page < pages; page++) {
          const card = answerCard(input(answer, page));
          const text = JSON.stringify(card);
          assert.ok(!text.includes('${'));
          assert.deepEqual(validateCard(card), []);
          assert.ok(Buffer.byteLength(text) < LIMIT, `${intent} page ${page}: ${Buffer.byteLength(text)} bytes`);
        }
      });

      it('says plainly when there are no rows', async () => {
        const answer = await answerFor(intent);
        const card = answerCard(input({ ...answer, result: { columns: answer.result.columns, rows: [] } }));
        const text = JSON.stringify(card);
        assert.ok(text.includes(VIEWS[intent].emptyText));
        assert.ok(!/"type":"(Table|Chart\.[A-Za-z.]+)"/.test(text), 'no empty table or chart');
        assert.deepEqual(validateCard(card), []);
      });
    });
  }

  it('shortens oversized values (cells, then the KQL shown) to stay under the limit', async () => {
    const answer = await answerFor('alerts');
    const long = 'x'.repeat(5000);
    const rows = Array.from({ length: 10 }, () => answer.result.columns.map((c) => (c.type === 'string' ? long : null)));
    const huge = { ...answer, text: `${answer.text}\n// ${'y'.repeat(30_000)}`, result: { columns: answer.result.columns, rows } };
    const card = answerCard(input(huge));
    assert.ok(Buffer.byteLength(JSON.stringify(card)) <= MAX_CARD_BYTES);
    assert.match(JSON.stringify(card), /shortened for Teams/);
  });

  it('a value that looks like a template field is shown, not treated as one', async () => {
    const answer = await answerFor('alerts');
    const name = answer.result.columns.findIndex((c) => c.name === 'AlertName');
    const row = [...answer.result.rows[0]!];
    row[name] = 'prompt with ${secret} inside';
    const card = answerCard(input({ ...answer, result: { ...answer.result, rows: [row] } }));
    assert.match(JSON.stringify(card), /prompt with \$\u200b\{secret\} inside/);
  });

  it('the did-you-mean sample renders with run_intent buttons carrying {intent, slots}', () => {
    const card = renderCard('did-you-mean', JSON.parse(readFileSync(join(CARDS, 'did-you-mean.sample.json'), 'utf8')));
    const actions = card.actions as { verb: string; data: unknown }[];
    assert.deepEqual(actions[0], { type: 'Action.Execute', title: 'Defender for AI threat alerts', verb: 'run_intent', data: { intent: 'alerts', slots: { zone: 3 } } });
  });
});
