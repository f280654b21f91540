/**
 * join and lookup. Pages checked: https://learn.microsoft.com/kusto/query/join-operator and its per-kind pages
 * (join-innerunique, join-inner, join-leftouter, join-leftanti, join-leftsemi, join-rightanti, join-rightsemi,
 * join-fullouter), https://learn.microsoft.com/kusto/query/lookup-operator. Their X/Y tables are used below.
 */
import assert from 'node:assert/strict';
import { run } from './helpers';

const XY = `let X = datatable(Key:string, Value1:long) ['a',1, 'b',2, 'b',3, 'c',4];
let Y = datatable(Key:string, Value2:long) ['b',10, 'c',20, 'c',30, 'd',40];
`;

const sorted = (rows: unknown[][]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('kql join', () => {
  const cases: Array<[string, string, unknown[][]]> = [
    ['inner: every matching pair', 'X | join kind=inner Y on Key', [['b', 2, 'b', 10], ['b', 3, 'b', 10], ['c', 4, 'c', 20], ['c', 4, 'c', 30]]],
    ['innerunique (default): left deduplicated on the key', 'X | join Y on Key', [['b', 2, 'b', 10], ['c', 4, 'c', 20], ['c', 4, 'c', 30]]],
    ['leftouter: unmatched left rows with nulls', 'X | join kind=leftouter Y on Key', [['a', 1, null, null], ['b', 2, 'b', 10], ['b', 3, 'b', 10], ['c', 4, 'c', 20], ['c', 4, 'c', 30]]],
    ['rightouter', 'X | join kind=rightouter Y on Key', [['b', 2, 'b', 10], ['b', 3, 'b', 10], ['c', 4, 'c', 20], ['c', 4, 'c', 30], [null, null, 'd', 40]]],
    ['fullouter', 'X | join kind=fullouter Y on Key', [['a', 1, null, null], ['b', 2, 'b', 10], ['b', 3, 'b', 10], ['c', 4, 'c', 20], ['c', 4, 'c', 30], [null, null, 'd', 40]]],
    ['leftanti', 'X | join kind=leftanti Y on Key', [['a', 1]]],
    ['leftsemi', 'X | join kind=leftsemi Y on Key', [['b', 2], ['b', 3], ['c', 4]]],
    ['rightanti', 'X | join kind=rightanti Y on Key', [['d', 40]]],
    ['rightsemi', 'X | join kind=rightsemi Y on Key', [['b', 10], ['c', 20], ['c', 30]]],
    ['$left/$right keys', 'X | join kind=inner (Y | project K2 = Key, Value2) on $left.Key == $right.K2', [['b', 2, 'b', 10], ['b', 3, 'b', 10], ['c', 4, 'c', 20], ['c', 4, 'c', 30]]],
    ['lookup (leftouter) drops the right key column', 'X | lookup (Y | where Value2 != 30) on Key', [['a', 1, null], ['b', 2, 10], ['b', 3, 10], ['c', 4, 20]]],
    ['lookup kind=inner', 'X | lookup kind=inner (Y | where Value2 != 30) on Key', [['b', 2, 10], ['b', 3, 10], ['c', 4, 20]]],
  ];
  for (const [title, query, rows] of cases) {
    it(title, () => assert.deepEqual(sorted(run(XY + query).rows), sorted(rows)));
  }

  it('renames duplicate right columns as the parser does (Key1)', () => {
    const r = run(`${XY}X | join kind=inner Y on Key`);
    assert.deepEqual(r.columns.map((c) => c.name), ['Key', 'Value1', 'Key1', 'Value2']);
  });

  it('joins on two keys and on datetime keys', () => {
    const q = `let A = datatable(t:datetime, k:string, v:long)[datetime(2024-01-01), "x", 1, datetime(2024-01-02), "x", 2];
      let B = datatable(t:datetime, k:string, w:long)[datetime(2024-01-02), "x", 20, datetime(2024-01-02), "y", 30];
      A | join kind=inner B on t, k | project v, w`;
    assert.deepEqual(run(q).rows, [[2, 20]]);
  });

  it('null keys never match', () => {
    const q = `let A = datatable(k:long, v:long)[long(null), 1, 2, 2];
      let B = datatable(k:long, w:long)[long(null), 10, 2, 20];
      A | join kind=leftouter B on k | project v, w`;
    assert.deepEqual(run(q).rows, [[1, null], [2, 20]]);
  });

  it('joins a real table with summarized alert names (AlertName1)', () => {
    const q = 'Alerts | summarize n = count() by AlertName | join kind=inner (Alerts | where Severity == "High") on AlertName | project AlertName, AlertName1, n';
    const r = run(q);
    assert.deepEqual(r.columns.map((c) => c.name), ['AlertName', 'AlertName1', 'n']);
    assert.deepEqual(r.rows, [['Jailbreak attempt', 'Jailbreak attempt', 2], ['Jailbreak attempt', 'Jailbreak attempt', 2]]);
  });
});
