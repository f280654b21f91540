import assert from 'node:assert/strict';
import { CALENDAR_CUE, CalendarParser } from '../../src/nlu/slots/calendar';

describe('nlu/slots/calendar (Microsoft Recognizers)', () => {
  let parser: CalendarParser;
  before(() => {
    parser = new CalendarParser();
    parser.warmUp();
  });

  it('runs only on calendar cues', () => {
    assert.ok(CALENDAR_CUE.test('alerts since march 1'));
    assert.ok(CALENDAR_CUE.test('from 11/02'));
    assert.ok(!CALENDAR_CUE.test('alerts from tor exit nodes'));
    assert.equal(parser.parse('alerts from tor exit nodes', new Date()), undefined);
  });

  it('counts days from an explicit date to now (the recognizer reads dates against the real clock)', () => {
    const now = new Date();
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 10));
    const month = start.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    const got = parser.parse(`alerts since ${month} ${start.getUTCDate()}`, now);
    assert.ok(got === 'P10D' || got === 'P11D', `got ${got}`);
  });

  it('takes the past start of "since <weekday>"', () => {
    const got = parser.parse('since tuesday', new Date());
    assert.match(got ?? '', /^P[1-8]D$/);
  });
});
