import assert from 'node:assert/strict';
import { ISO_DURATION } from '../../src/domain/intents';
import { daysSince, parseTimeRange, spanToDuration } from '../../src/nlu/slots/time-range';
import { TEST_NOW } from './inventory';

describe('nlu/slots/time-range', () => {
  const cases: [string, string | undefined][] = [
    ['today', 'P1D'],
    ['past 24 hours', 'P1D'],
    ['last 24h', 'P1D'],
    ['24h', 'P1D'],
    ['past day', 'P1D'],
    ['yesterday', 'P2D'],
    ['this week', 'P7D'],
    ['last week', 'P7D'],
    ['7d', 'P7D'],
    ['past 7 days', 'P7D'],
    ['a week', 'P7D'],
    ['1w', 'P7D'],
    ['two weeks', 'P14D'],
    ['past 2 weeks', 'P14D'],
    ['14 days', 'P14D'],
    ['fortnight', 'P14D'],
    ['last month', 'P30D'],
    ['30 days', 'P30D'],
    ['past month', 'P30D'],
    ['30d', 'P30D'],
    ['last 3 days', 'P3D'],
    ['a couple of days', 'P2D'],
    ['past 12 hours', 'PT12H'],
    ['past 48 hours', 'P2D'],
    ['last 90 minutes', 'PT90M'],
    ['past hour', 'PT1H'],
    ['last 2 months', 'P60D'],
    ['last quarter', 'P90D'],
    ['past year', 'P365D'],
    ['next 30 days', 'P30D'],
    // TEST_NOW is Wednesday 2026-11-18 10:00Z: Monday 00:00 is 2 days 10 hours back, rounded up.
    ['since Monday', 'P3D'],
    ['since last monday', 'P3D'],
    ['since wed', 'P1D'],
    ['since Sunday', 'P4D'],
    // Numbers that are not periods.
    ['items exceeding the 72 hour SLA', undefined],
    ['callers above their 30-day average', undefined],
    ['top 10 callers', undefined],
    ['responses over 4,000 tokens', undefined],
    ['any alerts and their owners', undefined],
    ['daily trend', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}" → ${expected}`, () => {
      const got = parseTimeRange(text, TEST_NOW);
      assert.equal(got, expected);
      if (got) assert.match(got, ISO_DURATION);
    });
  }

  it('converts spans and refuses nonsense', () => {
    assert.equal(spanToDuration(36, 'hours'), 'PT36H');
    assert.equal(spanToDuration(0, 'days'), undefined);
    assert.equal(spanToDuration(5000, 'days'), undefined);
  });

  it('rounds days since a start up, and ignores a future start', () => {
    assert.equal(daysSince(new Date('2026-11-17T10:00:00Z'), TEST_NOW), 'P1D');
    assert.equal(daysSince(new Date('2026-11-17T09:59:00Z'), TEST_NOW), 'P2D');
    assert.equal(daysSince(new Date('2026-11-19T00:00:00Z'), TEST_NOW), undefined);
  });
});
