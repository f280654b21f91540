import assert from 'node:assert/strict';
import { formatSchedule, parseSchedule, ScheduleError, toCron } from '../../src/domain/digest/schedule';
import { parseDigestCommand } from '../../src/digest/command';
import { latestOccurrence, nextOccurrence } from '../../src/digest/cron';

describe('digest schedules', () => {
  it('parses days, 24-hour time and an IANA time zone into cron', () => {
    const s = parseSchedule('mon 09:00 America/New_York');
    assert.deepEqual(s, { days: [1], hour: 9, minute: 0, timeZone: 'America/New_York' });
    assert.equal(toCron(s), '0 9 * * 1');
    assert.equal(formatSchedule(s), 'mon 09:00 America/New_York');
    assert.equal(toCron(parseSchedule('Thursday,MON 7:30 Europe/London')), '30 7 * * 1,4');
    assert.equal(formatSchedule(parseSchedule('daily 08:00 UTC')), 'daily 08:00 UTC');
    assert.equal(formatSchedule(parseSchedule('weekdays 18:05 Asia/Tokyo')), 'weekdays 18:05 Asia/Tokyo');
  });

  const bad: [string, RegExp][] = [
    ['funday 09:00 America/New_York', /Unknown day "funday"/],
    ['mon 25:00 America/New_York', /"25:00" is not a time of day/],
    ['mon 09:60 America/New_York', /"09:60" is not a time of day/],
    ['mon 9am America/New_York', /"9am" is not a time of day/],
    ['mon 09:00 Mars/Olympus_Mons', /Unknown time zone "Mars\/Olympus_Mons"/],
    ['mon 09:00', /A schedule is "<days> <HH:MM> <time zone>"/],
  ];
  for (const [text, message] of bad) {
    it(`rejects "${text}" naming the problem`, () => {
      assert.throws(() => parseSchedule(text), (err: Error) => err instanceof ScheduleError && message.test(err.message));
    });
  }

  it('parses chat commands', () => {
    assert.deepEqual(parseDigestCommand('digest now'), { action: 'now', kind: 'weekly' });
    assert.deepEqual(parseDigestCommand('Digest now zone3'), { action: 'now', kind: 'zone3_daily' });
    assert.deepEqual(parseDigestCommand('digest'), { action: 'status' });
    assert.deepEqual(parseDigestCommand('digest here'), { action: 'here' });
    assert.deepEqual(parseDigestCommand('digest off'), { action: 'off' });
    assert.deepEqual(parseDigestCommand('digest zone3 off'), { action: 'off', kind: 'zone3_daily' });
    assert.deepEqual(parseDigestCommand('digest zone3'), { action: 'schedule', kind: 'zone3_daily', schedule: 'default' });
    assert.deepEqual(parseDigestCommand('digest zone3 07:00 UTC'), { action: 'schedule', kind: 'zone3_daily', schedule: { days: [0, 1, 2, 3, 4, 5, 6], hour: 7, minute: 0, timeZone: 'UTC' } });
    assert.throws(() => parseDigestCommand('digest zone3 mon 07:00 UTC'), /daily: give the time and time zone only/);
    assert.throws(() => parseDigestCommand('digest sometimes'), /I don't know "digest sometimes"/);
  });

  it('finds the latest occurrence in the schedule time zone, never before the schedule existed', () => {
    const now = new Date('2025-06-16T14:00:00Z'); // Monday 10:00 in New York (EDT)
    assert.equal(latestOccurrence('0 9 * * 1', 'America/New_York', new Date(0), now)?.toISOString(), '2025-06-16T13:00:00.000Z');
    assert.equal(latestOccurrence('0 9 * * 1', 'America/New_York', new Date('2025-06-16T13:30:00Z'), now), null);
    assert.equal(nextOccurrence('0 9 * * 1', 'America/New_York', now)?.toISOString(), '2025-06-23T13:00:00.000Z');
    // In winter New York is UTC-5.
    assert.equal(nextOccurrence('0 9 * * 1', 'America/New_York', new Date('2025-12-01T00:00:00Z'))?.toISOString(), '2025-12-01T14:00:00.000Z');
  });
});
