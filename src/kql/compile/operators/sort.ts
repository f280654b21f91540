/**
 * order by / sort by and top. Kusto defaults: descending; nulls last when descending, first when ascending.
 * Keys are computed once per row, then an index array is sorted (stable).
 */
import { elems, kindOf, prop, req, tokenText, type SNode } from '../../syntax';
import type { Row } from '../../types';
import { compareNonNull } from '../../values';
import type { Ctx, Fn } from '../context';
import { compileScalar } from '../expressions';
import { collect, eachOf, type CompiledTable } from '../tabular';

interface SortKey {
  fn: Fn;
  desc: boolean;
  nullsFirst: boolean;
}

export function sortKey(e: SNode, ctx: Ctx): SortKey {
  let expr = e;
  let desc = true;
  let nulls = '';
  if (kindOf(e) === 'OrderedExpression') {
    expr = req(e, 'Expression');
    const ordering = prop(e, 'Ordering');
    if (ordering) {
      desc = tokenText(ordering, 'AscOrDescKeyword').toLowerCase() !== 'asc';
      nulls = tokenText(prop(ordering, 'NullsClause'), 'FirstOrLastKeyword').toLowerCase();
    }
  }
  return { fn: compileScalar(expr, ctx).fn, desc, nullsFirst: nulls ? nulls === 'first' : !desc };
}

export function sortRows(rows: readonly Row[], keys: SortKey[]): Row[] {
  const n = rows.length;
  const k = keys.length;
  const values: unknown[][] = keys.map(() => new Array<unknown>(n));
  for (let j = 0; j < k; j++) {
    const fn = keys[j]!.fn;
    const col = values[j]!;
    for (let i = 0; i < n; i++) col[i] = fn(rows[i]!);
  }
  const index = new Array<number>(n);
  for (let i = 0; i < n; i++) index[i] = i;
  index.sort((a, b) => {
    for (let j = 0; j < k; j++) {
      const col = values[j]!;
      const x = col[a];
      const y = col[b];
      const xn = x == null;
      const yn = y == null;
      if (xn || yn) {
        if (xn && yn) continue;
        const key = keys[j]!;
        return xn === key.nullsFirst ? -1 : 1;
      }
      const c = compareNonNull(x, y);
      if (c !== 0) return keys[j]!.desc ? -c : c;
    }
    return 0;
  });
  const out = new Array<Row>(n);
  for (let i = 0; i < n; i++) out[i] = rows[index[i]!]!;
  return out;
}

export function compileSort(op: SNode, input: CompiledTable, ctx: Ctx): CompiledTable {
  const keys = elems(op, 'Expressions').map((e) => sortKey(e, ctx));
  const source = input.each;
  return { columns: input.columns, each: eachOf(() => sortRows(collect(source), keys)) };
}

export function compileTop(op: SNode, input: CompiledTable, ctx: Ctx): CompiledTable {
  const count = compileScalar(req(op, 'Expression'), ctx).fn;
  const key = sortKey(req(op, 'ByExpression'), ctx);
  const source = input.each;
  return {
    columns: input.columns,
    each: eachOf(() => sortRows(collect(source), [key]).slice(0, Math.max(0, Number(count({}) ?? 0)))),
  };
}
