/** Compiles tabular expressions (table references, pipes, sources) into functions producing row objects. */
import { runtimeError } from '../errors';
import { columnsOf, kindOf, req, symbolOf, type SNode } from '../syntax';
import type { KqlColumn, Row } from '../types';
import type { Ctx, Each } from './context';
import { compileQueryOperator } from './operators/index';
import { compileSource } from './operators/sources';

export interface CompiledTable {
  each: Each;
  columns: KqlColumn[];
}

/** Materializes a table (for sort, join build sides, let and subqueries). */
export function collect(each: Each): Row[] {
  const out: Row[] = [];
  each((r) => {
    out.push(r);
  });
  return out;
}

export function eachOf(rows: () => readonly Row[]): Each {
  return (sink) => {
    const a = rows();
    for (let i = 0; i < a.length; i++) sink(a[i]!);
  };
}

export function compileTabular(n: SNode, ctx: Ctx): CompiledTable {
  const kind = kindOf(n);
  switch (kind) {
    case 'ParenthesizedExpression':
      return compileTabular(req(n, 'Expression'), ctx);
    case 'PipeExpression': {
      const input = compileTabular(req(n, 'Expression'), ctx);
      return compileQueryOperator(req(n, 'Operator'), input, ctx);
    }
    case 'NameReference':
      return compileTableName(n, ctx);
    default:
      return compileSource(n, kind, ctx);
  }
}

function compileTableName(n: SNode, ctx: Ctx): CompiledTable {
  const sym = symbolOf(n);
  const columns = columnsOf(n);
  if (sym?.kind === 'TableSymbol') {
    const name = sym.name;
    const env = ctx.env;
    return {
      columns,
      each: eachOf(() => {
        const rows = env.data[name];
        if (!rows) throw runtimeError(`no data for table ${name}`);
        return rows;
      }),
    };
  }
  if (sym && (sym.kind === 'VariableSymbol' || sym.kind === 'ParameterSymbol')) {
    const binding = ctx.lets.get(sym.raw);
    if (binding?.table) return { each: eachOf(binding.table), columns };
  }
  throw ctx.unsupported(n, `table reference ${ctx.text(n)}`);
}
