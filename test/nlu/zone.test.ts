import assert from 'node:assert/strict';
import { parseZone } from '../../src/nlu/slots/zone';

describe('nlu/slots/zone', () => {
  const cases: [string, 1 | 2 | 3 | undefined][] = [
    ['show zone 3 attack paths', 3],
    ['z3 alerts', 3],
    ['zone3', 3],
    ['zone-2 items', 2],
    ['zone three models', 3],
    ['zone one resources', 1],
    ['Zone 1', 1],
    ['baseline zone', 1],
    ['zone baseline', 1],
    ['baseline workloads', 1],
    ['recommended zone', 2],
    ['recommended tier resources', 2],
    ['regulated workloads', 3],
    ['anything in regulated', 3],
    ['zone 2 and zone 3', 3],
    // Ordinary words that are not zones.
    ['callers above their baseline', undefined],
    ['spikes vs the 30-day baseline', undefined],
    ['recommended fixes for openai', undefined],
    ['regulatory compliance', undefined],
    ['sr 11-7 control status', undefined],
    ['top 3 callers', undefined],
  ];
  for (const [text, expected] of cases) it(`"${text}" → ${expected}`, () => assert.equal(parseZone(text), expected));
});
