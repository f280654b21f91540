/**
 * Tabular operators. Pages checked:
 * https://learn.microsoft.com/kusto/query/where-operator, project-operator, project-away-operator,
 * project-rename-operator, extend-operator, sort-operator, top-operator, take-operator, distinct-operator,
 * count-operator, union-operator, print-operator, datatable-operator, range-operator, let-statement.
 */
import assert from 'node:assert/strict';
import { ALERTS, column, DATA, engine, objects, run } from './helpers';

describe('kql operators', () => {
  const cases: Array<[string, string, unknown]> = [
    ['where with and/or', 'Alerts | where Severity == "High" and Count > 1 or Severity == "Low" | project AlertName', [['Jailbreak attempt'], ['Data leakage']]],
    ['where on a datetime literal', 'Alerts | where TimeGenerated >= datetime(2024-01-31) | count', [[3]]],
    ['where with ago() against options.now', 'Alerts | where TimeGenerated > ago(2d) | count', [[3]]],
    ['project renames and computes', 'Alerts | take 1 | project Name = AlertName, Double = Count * 2, Score', [['Jailbreak attempt', 6, 0.9]]],
    ['project-away', 'Alerts | take 1 | project-away TimeGenerated, Entities, Duration, Resolved, Score', [['Jailbreak attempt', 'High', 3]]],
    ['project-rename keeps position', 'Alerts | take 1 | project-rename Sev = Severity | project-keep AlertName, Sev', [['Jailbreak attempt', 'High']]],
    ['project-reorder', 'Alerts | take 1 | project AlertName, Severity | project-reorder Severity', [['High', 'Jailbreak attempt']]],
    ['extend then extend on the new column', 'Alerts | take 1 | extend a = Count + 1 | extend b = a * 10 | project a, b', [[4, 40]]],
    ['extend replaces a column in place', 'Alerts | take 1 | extend Count = Count * 100 | project AlertName, Count', [['Jailbreak attempt', 300]]],
    ['extend with a derived name (tostring(Count) replaces Count)', 'Alerts | take 1 | extend tostring(Count) | project Count', [['3']]],
    ['extend auto-names Column1', 'Alerts | take 1 | extend Count + 1 | project Column1', [[4]]],
    ['order by defaults to desc, nulls last', 'Alerts | order by Count | project Count', [[5], [3], [2], [1], [null]]],
    ['order by asc puts nulls first', 'Alerts | order by Count asc | project Count', [[null], [1], [2], [3], [5]]],
    ['sort by asc nulls last', 'Alerts | sort by Count asc nulls last | project Count', [[1], [2], [3], [5], [null]]],
    ['order by two keys', 'Alerts | order by Severity asc, Count desc | project Severity, Count', [['High', 3], ['High', 1], ['Low', null], ['Medium', 5], ['Medium', 2]]],
    ['top N by', 'Alerts | top 2 by Score | project Score', [[0.9], [0.7]]],
    ['top asc', 'Alerts | top 1 by TimeGenerated asc | project AlertName', [['Credential theft']]],
    ['take and limit', 'Alerts | take 3 | limit 2 | count', [[2]]],
    ['distinct', 'Alerts | distinct Severity, AlertName | order by AlertName asc', [['Medium', 'Credential theft'], ['Low', 'Data leakage'], ['High', 'Jailbreak attempt']]],
    ['count', 'Alerts | count', [[5]]],
    ['union by column name', 'union (Alerts | take 1 | project AlertName), (Resources | project name) | count', [[3]]],
    ['union after a pipe fills missing columns with null', 'Alerts | take 1 | project AlertName | union (Resources | take 1 | project name)', [['Jailbreak attempt', null], [null, 'openai1']]],
    ['union withsource', 'union withsource=Table Alerts, Resources | summarize count() by Table | order by Table asc', [['Alerts', 5], ['Resources', 2]]],
    ['print', 'print x = 1, y = "a", 1 + 1', [[1, 'a', 2]]],
    ['datatable', 'datatable(a:string, b:long)["x", 1, "y", -2] | where b < 0', [['y', -2]]],
    ['range', 'range x from 1 to 10 step 4', [[1], [5], [9]]],
    ['let scalar, tabular and chained lets', 'let minCount = 2; let high = Alerts | where Count >= minCount; high | summarize n = count()', [[3]]],
    ['let evaluated once per run (ago)', 'let since = ago(7d); Alerts | where TimeGenerated > since | count', [[4]]],
    ['toscalar', 'let maxCount = toscalar(Alerts | summarize max(Count)); Alerts | where Count == maxCount | project AlertName', [['Credential theft']]],
    ['in with a subquery', 'Alerts | where AlertName in ((Alerts | where Count > 4 | project AlertName)) | count', [[2]]],
  ];
  for (const [title, query, rows] of cases) {
    it(title, () => assert.deepEqual(run(query).rows, rows));
  }

  it('mv-expand expands arrays, drops empty arrays, keeps null as one row', () => {
    // mv-expand operator page: null → one row, empty array → no row.
    assert.deepEqual(column('Alerts | mv-expand ip = Entities.ips | project ip'), ['10.0.0.1', '10.0.0.2', null, '10.0.0.9', null]);
  });

  it('mv-expand expands property bags to single-key bags and arrays in parallel', () => {
    // mv-expand operator page, "Two columns" example.
    const q = 'datatable (a: int, b: dynamic, c: dynamic)[1, dynamic({"prop1": "a", "prop2": "b"}), dynamic([5, 4, 3])] | mv-expand b, c';
    assert.deepEqual(run(q).rows, [[1, { prop1: 'a' }, 5], [1, { prop2: 'b' }, 4], [1, null, 3]]);
  });

  it('mv-expand with_itemindex, to typeof() and limit', () => {
    const q = 'print d = dynamic([10, "x", 30]) | mv-expand with_itemindex = i v = d to typeof(long) limit 2 | project i, v';
    assert.deepEqual(run(q).rows, [[0, 10], [1, null]]);
  });

  it('does not modify the input rows', () => {
    const before = JSON.stringify(objects('Alerts'));
    run('Alerts | extend Count = 0 | order by Score asc | mv-expand Entities');
    assert.equal(JSON.stringify(objects('Alerts')), before);
  });

  it('runs a prepared query many times with different data', () => {
    const p = engine().prepare('Alerts | count');
    assert.deepEqual(p.run({ Alerts: [] }).rows, [[0]]);
    assert.deepEqual(p.run({ Alerts: [{}, {}] }).rows, [[2]]);
  });
});

describe('kql let bindings of dynamic lists', () => {
  it('in / has_any take a let-bound dynamic array', () => {
    const q = 'let sev = dynamic(["High", "Low"]); let words = dynamic(["theft", "leak"]); Alerts | where Severity in (sev) or AlertName has_any (words) | count';
    assert.deepEqual(run(q).rows, [[5]]);
    assert.deepEqual(run('let sev = dynamic(["Low"]); Alerts | where Severity !in (sev) | count').rows, [[4]]);
  });

  it('runObjects returns fresh objects keyed by the output columns', () => {
    const rows = engine().prepare('Alerts | where Severity == "Low"').runObjects(DATA);
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0], ALERTS[3]);
    assert.deepEqual(rows[0], ALERTS[3]);
  });
});
