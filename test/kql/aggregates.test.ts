/**
 * summarize and its aggregation functions. Pages checked: https://learn.microsoft.com/kusto/query/summarize-operator
 * (default values, empty input with and without by), count-aggregation-function, countif, dcount, dcountif, sum,
 * sumif, avg, min, max, make-set, make-list, arg-max, arg-min, percentiles (nearest-rank).
 */
import assert from 'node:assert/strict';
import { run } from './helpers';

describe('kql summarize', () => {
  const cases: Array<[string, string, unknown[][]]> = [
    ['count by with an auto-named column', 'Alerts | summarize count() by Severity | order by Severity asc', [['High', 2], ['Low', 1], ['Medium', 2]]],
    ['countif, sumif, dcountif', 'Alerts | summarize countif(Count > 1), sumif(Count, Severity == "High"), dcountif(AlertName, Count > 1)', [[3, 4, 2]]],
    ['dcount is exact here', 'Alerts | summarize dcount(AlertName), dcount(Severity)', [[3, 3]]],
    ['sum, avg, min, max', 'Alerts | summarize sum(Count), avg(Score), min(Score), max(TimeGenerated)', [[11, 0.575, 0.2, new Date('2024-01-31T11:05:00Z')]]],
    ['make_set and make_list ignore nulls', 'Alerts | where Severity == "Medium" | summarize make_set(AlertName), make_list(Count)', [[['Credential theft'], [5, 2]]]],
    ['make_set flattens array values; max size', 'Alerts | summarize make_set(Entities.ips), make_list(Severity, 2)', [[['10.0.0.1', '10.0.0.2', '10.0.0.9'], ['High', 'High']]]],
    ['make_list of datetimes gives ISO strings', 'Alerts | where Severity == "Low" | summarize make_list(TimeGenerated)', [[['2024-01-25T08:00:00Z']]]],
    ['arg_max(x, *) by key', 'Alerts | summarize arg_max(Count, *) by Severity | project Severity, Count, AlertName | order by Severity asc', [['High', 3, 'Jailbreak attempt'], ['Low', null, 'Data leakage'], ['Medium', 5, 'Credential theft']]],
    // arg_max page: when the expression is null in every row of a group, one row of the group is picked.
    ['arg_max over all-null values picks a row', 'datatable(k:string, x:long, y:string)["a", long(null), "first", "a", long(null), "second"] | summarize arg_max(x, y) by k', [['a', null, 'first']]],
    ['arg_min with columns', 'Alerts | summarize arg_min(Score, AlertName, Severity)', [[0.2, 'Data leakage', 'Low']]],
    ['percentile is nearest-rank', 'range x from 1 to 10 step 1 | summarize percentile(x, 50), percentile(x, 90), percentile(x, 100), percentile(x, 0)', [[5, 9, 10, 1]]],
    ['aggregates inside expressions', 'Alerts | summarize ratio = round(countif(Resolved) * 100.0 / count(), 1), twice = count() * 2', [[40, 10]]],
    ['make_bag merges bags', 'Alerts | summarize make_bag(Entities) | project tostring(bag_keys(bag_Entities))', [['["user","ips"]']]],
    ['take_any', 'Alerts | where Severity == "Low" | summarize take_any(AlertName)', [['Data leakage']]],
    ['summarize by only', 'Alerts | summarize by Severity | order by Severity asc', [['High'], ['Low'], ['Medium']]],
    ['two keys, including bin on a number', 'Alerts | summarize n = count() by Severity, b = bin(Count, 2) | order by Severity asc, b asc', [['High', 0, 1], ['High', 2, 1], ['Low', null, 1], ['Medium', 2, 1], ['Medium', 4, 1]]],
    ['empty input without by: one row of defaults', 'Alerts | where Count > 100 | summarize count(), sum(Count), dcount(AlertName), make_list(AlertName), avg(Count), max(Count)', [[0, 0, 0, [], null, null]]],
    ['empty input with by: no rows', 'Alerts | where Count > 100 | summarize count() by Severity', []],
    ['dcount over dynamic values', 'Alerts | summarize dcount(tostring(Entities.user))', [[4]]],
  ];
  for (const [title, query, rows] of cases) {
    it(title, () => assert.deepEqual(run(query).rows, rows));
  }

  it('names columns as the parser does (count_, countif_Resolved, sum_Count, percentile_Score_50, set_, list_)', () => {
    const r = run('Alerts | summarize count(), countif(Resolved), sum(Count), percentile(Score, 50), make_set(Severity), make_list(Severity) by Severity');
    assert.deepEqual(r.columns.map((c) => `${c.name}:${c.type}`), [
      'Severity:string', 'count_:long', 'countif_Resolved:long', 'sum_Count:long', 'percentile_Score_50:real', 'set_Severity:dynamic', 'list_Severity:dynamic',
    ]);
  });
});
