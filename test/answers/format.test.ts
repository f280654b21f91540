import assert from 'node:assert/strict';
import { formatRow } from '../../src/answers/columns';
import { formatTimespan, formatValue, jsonValue } from '../../src/answers/format';
import { describeTimeRange, slotSummary } from '../../src/answers/slot-summary';
import { parseAnswerPage, parseRunIntent } from '../../src/answers/verb-data';

describe('answers: formatting, slot summaries, card data checks', () => {
  it('formats each Kusto type for a card', () => {
    const cases: [unknown, string, string][] = [
      [new Date('2026-11-18T07:12:24.470Z'), 'datetime', '2026-11-18 07:12 UTC'],
      [1694738, 'long', '1,694,738'],
      [91.94, 'real', '91.9'],
      [true, 'bool', 'yes'],
      [['Internet exposure', 'Vulnerabilities'], 'dynamic', 'Internet exposure; Vulnerabilities'],
      [{ a: 1 }, 'dynamic', '{"a":1}'],
      [null, 'string', '—'],
      ['', 'string', '—'],
      [90_061_000, 'timespan', '1 d 1 h'],
      ['x'.repeat(400), 'string', `${'x'.repeat(299)}…`],
    ];
    for (const [value, type, text] of cases) assert.equal(formatValue(value, { name: 'C', type }), text, `${type} ${String(value).slice(0, 20)}`);
    assert.equal(formatTimespan(45 * 60_000), '45 min');
  });

  it('column names with a meaning get their own format', () => {
    const columns = [
      { name: 'Zone', type: 'int' },
      { name: 'ZoneKnown', type: 'bool' },
      { name: 'Severity', type: 'string' },
      { name: 'PassRate', type: 'real' },
      { name: 'Ratio', type: 'real' },
      { name: 'DaysToExpiry', type: 'real' },
    ];
    assert.deepEqual(formatRow(columns, { Zone: 3, ZoneKnown: false, Severity: 'high', PassRate: 42.55, Ratio: 6, DaysToExpiry: -2 }), {
      Zone: 'Zone 3 (untagged)',
      ZoneKnown: 'no',
      Severity: 'High',
      PassRate: '42.6%',
      Ratio: '6×',
      DaysToExpiry: 'expired',
    });
  });

  it('JSON output keeps values, datetimes as ISO-8601 UTC', () => {
    assert.equal(jsonValue(new Date('2026-11-18T10:00:00Z')), '2026-11-18T10:00:00.000Z');
    assert.equal(jsonValue(3), 3);
  });

  it('summarizes the slots in words', () => {
    assert.equal(slotSummary({ zone: 3, timeRange: 'P7D', severity: 'high', alertType: 'jailbreak', resourceType: 'openai', resource: 'oai-x' }), 'Zone 3 (Regulated) · last 7 days · High severity · jailbreak attempts · Azure OpenAI · oai-x');
    assert.equal(slotSummary({}), '');
    const ranges: [string, string][] = [['P1D', 'last 24 hours'], ['PT12H', 'last 12 hours'], ['P2W', 'last 14 days'], ['PT1H', 'last 1 hour'], ['P1DT12H', 'last 36 hours'], ['PT90M', 'last 90 minutes']];
    for (const [iso, words] of ranges) assert.equal(describeTimeRange(iso), words);
  });

  it('accepts well-formed button data and refuses anything else', () => {
    assert.deepEqual(parseRunIntent({ intent: 'alerts', slots: { zone: 3 } }), { ok: true, intent: 'alerts', slots: { zone: 3 }, page: 0 });
    assert.deepEqual(parseRunIntent({ intent: 'alerts' }), { ok: true, intent: 'alerts', slots: {}, page: 0 });
    assert.deepEqual(parseAnswerPage({ intent: 'inventory', slots: {}, page: 2 }), { ok: true, intent: 'inventory', slots: {}, page: 2 });
    const refused: unknown[] = [
      'alerts',
      [],
      { intent: 'none' },
      { intent: 'alerts', slots: 'zone 3' },
      { intent: 'alerts', slots: { timeRange: 'last week' } },
      { intent: 'alerts', slots: { resource: 'x'.repeat(201) } },
    ];
    for (const data of refused) assert.equal(parseRunIntent(data).ok, false, JSON.stringify(data));
    assert.equal(parseAnswerPage({ intent: 'alerts', slots: {}, page: 1.5 }).ok, false);
    assert.equal(parseAnswerPage({ intent: 'alerts', slots: {}, page: 10_001 }).ok, false);
  });
});
