import assert from 'node:assert/strict';
import { ALL_INTENTS, slotsSchema } from '../../src/domain/intents';
import { CORPUS } from '../../src/nlu/corpus';
import { prepareUtterance } from '../../src/nlu/prepare';
import { loadHeldOut } from './heldout';

describe('nlu/corpus and the held-out set', () => {
  const heldOut = loadHeldOut();

  it('has at least 25 distinct utterances for every intent', () => {
    assert.deepEqual(Object.keys(CORPUS).sort(), [...ALL_INTENTS].sort());
    for (const intent of ALL_INTENTS) {
      const prepared = new Set(CORPUS[intent].map(prepareUtterance));
      assert.ok(prepared.size >= 25, `${intent}: ${prepared.size}`);
    }
  });

  it('never gives one utterance two intents', () => {
    const seen = new Map<string, string>();
    for (const intent of ALL_INTENTS) {
      for (const u of CORPUS[intent]) {
        const key = prepareUtterance(u);
        assert.ok(!seen.has(key) || seen.get(key) === intent, `"${u}" is both ${seen.get(key)} and ${intent}`);
        seen.set(key, intent);
      }
    }
  });

  it('has a held-out set of at least 150 with 25 out-of-scope examples and valid slots', () => {
    assert.ok(heldOut.length >= 150, `${heldOut.length}`);
    assert.ok(heldOut.filter((x) => x.intent === 'none').length >= 25);
    for (const x of heldOut) {
      assert.ok(ALL_INTENTS.includes(x.intent), x.text);
      assert.deepEqual(slotsSchema.parse(x.slots), x.slots, x.text);
    }
    assert.equal(new Set(heldOut.map((x) => prepareUtterance(x.text))).size, heldOut.length, 'duplicates in held-out');
  });

  it('shares no utterance with the training corpus after normalization', () => {
    const training = new Set(Object.values(CORPUS).flat().map(prepareUtterance));
    const overlap = heldOut.filter((x) => training.has(prepareUtterance(x.text))).map((x) => x.text);
    assert.deepEqual(overlap, []);
  });
});
