/**
 * Null semantics. Pages checked: https://learn.microsoft.com/kusto/query/scalar-data-types/null-values
 * (equality and comparison tables, where treats null as false, aggregates ignore nulls) and the logical
 * operators page (https://learn.microsoft.com/kusto/query/logical-operators).
 */
import assert from 'node:assert/strict';
import { run, scalar } from './helpers';

describe('kql null semantics', () => {
  it('the null-values page example: comparisons and equality with null', () => {
    const q = `datatable(val:int)[5, int(null)]
      | extend IsBiggerThan3 = val > 3
      | extend IsBiggerThan3OrNull = val > 3 or isnull(val)
      | extend IsEqualToNull = val == int(null)
      | extend IsNotEqualToNull = val != int(null)`;
    assert.deepEqual(run(q).rows, [
      [5, true, true, false, true],
      [null, null, true, null, null],
    ]);
  });

  it('where drops rows whose predicate is null (null-values page)', () => {
    const q = 'datatable(ival:int, sval:string)[5, "a", int(null), "b"] | where ival != 5';
    assert.deepEqual(run(q).rows, [[null, 'b']]);
  });

  const truth: Array<[string, unknown]> = [
    ['bool(null) and false', false],
    ['bool(null) and true', null],
    ['bool(null) or true', true],
    ['bool(null) or false', null],
    ['not(bool(null))', null],
    ['long(null) + 1', null],
    ['long(null) * 2', null],
    ['isnull(long(null))', true],
    ['isnull("")', false],
    ['isempty("")', true],
    ['isnotempty("a")', true],
    ['isempty(long(null))', true],
    ['iff(bool(null), "yes", "no")', 'no'],
    ['coalesce(long(null), 7, 8)', 7],
    ['coalesce("", "x")', 'x'],
    ['long(null) in (1, 2)', false],
    ['long(null) between (1 .. 2)', null],
  ];
  for (const [expr, expected] of truth) {
    it(`print ${expr} → ${JSON.stringify(expected)}`, () => assert.deepEqual(scalar(`print ${expr}`), expected));
  }

  it('aggregates ignore nulls; avg of no values is null; count() counts rows', () => {
    const q = 'datatable(x:long)[1, long(null), 3] | summarize count(), sum(x), avg(x), min(x), max(x), dcount(x), make_list(x)';
    assert.deepEqual(run(q).rows, [[3, 4, 2, 1, 3, 2, [1, 3]]]);
    const empty = 'datatable(x:long)[long(null)] | summarize sum(x), avg(x), make_set(x)';
    assert.deepEqual(run(empty).rows, [[0, null, []]]);
  });

  it('missing row values read as null (and as "" for strings)', () => {
    const data = { Alerts: [{ AlertName: 'x' }] };
    assert.deepEqual(run('Alerts | project isnull(Count), isempty(Severity), Severity == ""', data).rows, [[true, true, true]]);
  });
});
