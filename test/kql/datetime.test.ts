/**
 * Datetime and timespan. Pages checked: https://learn.microsoft.com/kusto/query/bin-function (datetime and
 * timespan examples), datetime-diff-function, startofweek-function, startofday-function,
 * format-datetime-function, ago-function, now-function, scalar-data-types/timespan (literals and arithmetic).
 */
import assert from 'node:assert/strict';
import { engine, NOW, run, scalar } from './helpers';

const d = (s: string) => new Date(s);

describe('kql datetime and timespan', () => {
  const cases: Array<[string, unknown]> = [
    ['bin(4.5, 1)', 4],
    ['bin(time(16d), 7d)', 14 * 86_400_000],
    ['bin(datetime(1970-05-11 13:45:07), 1d)', d('1970-05-11T00:00:00Z')],
    ['bin(datetime(2024-01-31 10:45), 1h)', d('2024-01-31T10:00:00Z')],
    // 7-day bins align to 0001-01-01 (a Monday), as Kusto's do: not to the Unix epoch (a Thursday).
    ['bin(datetime(2024-01-31), 7d)', d('2024-01-29T00:00:00Z')],
    ['datetime(2024-01-01) + 1d', d('2024-01-02T00:00:00Z')],
    ['datetime(2024-01-01) - 30m', d('2023-12-31T23:30:00Z')],
    ['datetime(2024-01-02) - datetime(2024-01-01)', 86_400_000],
    ['1d / 1h', 24],
    ['2h * 2', 4 * 3_600_000],
    ['1.5s + 100ms', 1600],
    ['time(1.02:03:04)', ((24 + 2) * 60 + 3) * 60_000 + 4000],
    ['timespan(null)', null],
    ['datetime(2024-01-01T10:00:00Z) > datetime(2024-01-01 09:59)', true],
    ['datetime_diff("year", datetime(2017-01-01), datetime(2000-12-31))', 17],
    ['datetime_diff("quarter", datetime(2017-07-01), datetime(2017-03-30))', 2],
    ['datetime_diff("month", datetime(2017-01-01), datetime(2015-12-30))', 13],
    ['datetime_diff("week", datetime(2017-10-29 00:00), datetime(2017-09-30 23:59))', 5],
    ['datetime_diff("day", datetime(2017-10-29 00:00), datetime(2017-09-30 23:59))', 29],
    ['datetime_diff("hour", datetime(2017-10-31 01:00), datetime(2017-10-30 23:59))', 2],
    ['datetime_diff("minute", datetime(2017-10-30 23:05:01), datetime(2017-10-30 23:00:59))', 5],
    ['datetime_diff("second", datetime(2017-10-30 23:00:10.100), datetime(2017-10-30 23:00:00.900))', 10],
    ['startofday(datetime(2017-01-01 10:10:17))', d('2017-01-01T00:00:00Z')],
    ['startofday(datetime(2017-01-01 10:10:17), 1)', d('2017-01-02T00:00:00Z')],
    ['startofweek(datetime(2017-01-04 10:10:17))', d('2017-01-01T00:00:00Z')],
    ['startofweek(datetime(2017-01-01 10:10:17), -1)', d('2016-12-25T00:00:00Z')],
    ['startofmonth(datetime(2017-01-15 10:10:17))', d('2017-01-01T00:00:00Z')],
    ['format_datetime(datetime(2017-01-29 09:00:05), "yy-MM-dd [HH:mm:ss]")', '17-01-29 [09:00:05]'],
    ['format_datetime(datetime(2017-01-29 09:00:05), "yyyy-M-dd [H:mm:ss]")', '2017-1-29 [9:00:05]'],
    ['format_datetime(datetime(2017-01-29 09:00:05), "yy-MM-dd [hh:mm:ss tt]")', '17-01-29 [09:00:05 AM]'],
    ['tostring(datetime(2024-01-01 10:00))', '2024-01-01T10:00:00Z'],
    ['tostring(1d + 2h + 3s)', '1.02:00:03'],
    ['todatetime("2024-03-01T12:00:00Z")', d('2024-03-01T12:00:00Z')],
    ['datetime_part("hour", datetime(2017-10-30 01:02:03.7654321))', 1],
    ['datetime_part("dayofyear", datetime(2017-02-01))', 32],
    ['now()', NOW],
    ['ago(1d)', d('2024-01-31T00:00:00Z')],
    ['now(-2h)', d('2024-01-31T22:00:00Z')],
    ['datetime(null)', null],
  ];
  for (const [expr, expected] of cases) {
    it(`print ${expr}`, () => assert.deepEqual(scalar(`print ${expr}`), expected));
  }

  it('summarize by bin(TimeGenerated, 1h) keeps the column name and groups nulls', () => {
    const r = run('Alerts | summarize n = count() by bin(TimeGenerated, 1h) | order by TimeGenerated asc');
    assert.deepEqual(r.columns, [{ name: 'TimeGenerated', type: 'datetime' }, { name: 'n', type: 'long' }]);
    assert.deepEqual(r.rows, [
      [null, 1],
      [d('2024-01-25T08:00:00Z'), 1],
      [d('2024-01-31T10:00:00Z'), 2],
      [d('2024-01-31T11:00:00Z'), 1],
    ]);
  });

  it('range over datetimes', () => {
    const r = run('range t from datetime(2024-01-01) to datetime(2024-01-01 02:00) step 1h');
    assert.deepEqual(r.rows, [[d('2024-01-01T00:00:00Z')], [d('2024-01-01T01:00:00Z')], [d('2024-01-01T02:00:00Z')]]);
  });

  it('between with datetimes and a timespan upper bound', () => {
    assert.deepEqual(run('Alerts | where TimeGenerated between (datetime(2024-01-31 10:00) .. 1h) | count').rows, [[2]]);
    assert.deepEqual(run('Alerts | where TimeGenerated !between (ago(1d) .. now()) | count').rows, [[1]]);
  });

  it('timespan columns compare with timespan literals', () => {
    assert.deepEqual(run('Alerts | where Duration >= 1m | project AlertName').rows, [['Jailbreak attempt'], ['Data leakage']]);
  });

  it('uses the real clock when options.now is not given', () => {
    const before = Date.now();
    const v = engine().prepare('print now()').run({}).rows[0]![0] as Date;
    assert.ok(v.getTime() >= before && v.getTime() <= Date.now());
  });
});
