import assert from 'node:assert/strict';
import { parseSeverity } from '../../src/nlu/slots/severity';

describe('nlu/slots/severity', () => {
  const cases: [string, string | undefined][] = [
    ['high severity alerts', 'high'],
    ['sev high', 'high'],
    ['sev: critical', 'critical'],
    ['severity=medium', 'medium'],
    ['high-severity findings', 'high'],
    ['crit alerts', 'critical'],
    ['critical attack paths', 'critical'],
    ['medium sev alerts', 'medium'],
    ['low alerts', 'low'],
    ['anything critical', 'critical'],
    ['high and critical alerts', 'high'],
    ['critical zone 3 openai alerts', 'critical'],
    ['high+ recommendations', 'high'],
    ['overdue high recs', 'high'],
    ['sev1 alerts', 'critical'],
    ['sev 2', 'high'],
    ['severity 3', 'medium'],
    ['sev4', 'low'],
    // "high" that is not a severity.
    ['high volume callers', undefined],
    ['completions with unusually high token counts', undefined],
    ['highest severity first', undefined],
    ['low confidence', undefined],
  ];
  for (const [text, expected] of cases) it(`"${text}" → ${expected}`, () => assert.equal(parseSeverity(text), expected));
});
