/** Tabular sources that read no table: print, datatable, range (and union at the start of a query). */
import { columnsOf, elems, kindOf, req, type SNode } from '../../syntax';
import type { Row } from '../../types';
import type { Ctx } from '../context';
import { compileScalar } from '../expressions';
import type { CompiledTable } from '../tabular';
import { toStored } from './store';
import { compileUnion } from './union';

export function compileSource(n: SNode, kind: string, ctx: Ctx): CompiledTable {
  switch (kind) {
    case 'PrintOperator':
      return compilePrint(n, ctx);
    case 'DataTableExpression':
      return compileDataTable(n, ctx);
    case 'RangeOperator':
      return compileRange(n, ctx);
    case 'UnionOperator':
      return compileUnion(n, null, ctx);
    default:
      throw ctx.unsupported(n);
  }
}

function compilePrint(n: SNode, ctx: Ctx): CompiledTable {
  const columns = columnsOf(n);
  const fns = elems(n, 'Expressions').map((e) => {
    const inner = kindOf(e) === 'SimpleNamedExpression' ? req(e, 'Expression') : e;
    return compileScalar(inner, ctx);
  });
  if (fns.length !== columns.length) throw ctx.unsupported(n, 'print with a column list the engine cannot map');
  return {
    columns,
    each: (sink) => {
      const o: Row = {};
      columns.forEach((c, i) => (o[c.name] = toStored(fns[i]!.fn({}), c.type)));
      sink(o);
    },
  };
}

function compileDataTable(n: SNode, ctx: Ctx): CompiledTable {
  const columns = columnsOf(n);
  const values = elems(n, 'Values').map((v) => compileScalar(v, ctx));
  const width = columns.length;
  if (width === 0 || values.length % width !== 0) throw ctx.unsupported(n, 'datatable with a ragged value list');
  return {
    columns,
    each: (sink) => {
      for (let i = 0; i < values.length; i += width) {
        const o: Row = {};
        for (let j = 0; j < width; j++) o[columns[j]!.name] = toStored(values[i + j]!.fn({}), columns[j]!.type);
        sink(o);
      }
    },
  };
}

function compileRange(n: SNode, ctx: Ctx): CompiledTable {
  const columns = columnsOf(n);
  const col = columns[0]!;
  const from = compileScalar(req(n, 'From'), ctx).fn;
  const to = compileScalar(req(n, 'To'), ctx).fn;
  const step = compileScalar(req(n, 'Step'), ctx).fn;
  return {
    columns,
    each: (sink) => {
      const a = from({}) as number | null;
      const b = to({}) as number | null;
      const s = step({}) as number | null;
      if (a == null || b == null || s == null || s === 0) return;
      if ((b - a) / s > 10_000_000) throw ctx.unsupported(n, 'range with more than 10,000,000 rows');
      for (let v = a; s > 0 ? v <= b : v >= b; v += s) sink({ [col.name]: toStored(v, col.type) });
    },
  };
}
