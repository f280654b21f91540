/** Compiles tabular expressions (table references, pipes, sources) into functions producing row objects. */
import { runtimeError } from '../errors';
import { columnsOf, kindOf, req, symbolOf, type SNode } from '../syntax';
import type { KqlColumn, Row } from '../types';
import type { Ctx, TableFn } from './context';
import { compileQueryOperator } from './operators/index';
import { compileSource } from './operators/sources';

export interface CompiledTable {
  fn: TableFn;
  columns: KqlColumn[];
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
      fn: () => {
        const rows = env.data[name];
        if (!rows) throw runtimeError(`no data for table ${name}`);
        return rows as Row[];
      },
    };
  }
  if (sym && (sym.kind === 'VariableSymbol' || sym.kind === 'ParameterSymbol')) {
    const binding = ctx.lets.get(sym.raw);
    if (binding?.table) return { fn: binding.table, columns };
  }
  throw ctx.unsupported(n, `table reference ${ctx.text(n)}`);
}
