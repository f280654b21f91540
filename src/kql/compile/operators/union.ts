/** union: rows of every operand, columns matched by name as the parser's result type lists them. */
import { columnsOf, elems, kindOf, symbolOf, type SNode } from '../../syntax';
import type { Row } from '../../types';
import type { Ctx } from '../context';
import { compileTabular, type CompiledTable } from '../tabular';
import { onlyParameters, parameters } from './params';

export function compileUnion(op: SNode, input: CompiledTable | null, ctx: Ctx): CompiledTable {
  const columns = columnsOf(op);
  const params = parameters(op, ctx);
  onlyParameters(op, params, ['kind', 'withsource', 'isfuzzy'], ctx, 'union');
  if (params.get('isfuzzy') === 'true') throw ctx.unsupported(op, 'union isfuzzy=true');
  const source = params.get('withsource');
  const operands: Array<{ table: CompiledTable; label: string }> = [];
  if (input) operands.push({ table: input, label: '' });
  for (const e of elems(op, 'Expressions')) {
    const sym = kindOf(e) === 'NameReference' ? symbolOf(e) : null;
    if (source !== undefined && !sym) throw ctx.unsupported(e, 'union withsource over a subquery');
    operands.push({ table: compileTabular(e, ctx), label: sym?.name ?? '' });
  }
  if (source !== undefined && input) throw ctx.unsupported(op, 'union withsource after a pipe');
  const names = columns.map((c) => c.name);
  for (const name of names) {
    if (name === source) continue;
    if (!operands.some((o) => o.table.columns.some((c) => c.name === name))) throw ctx.unsupported(op, `union column ${name}`);
  }
  return {
    columns,
    each: (sink) => {
      for (const { table, label } of operands) {
        const has = names.map((n) => table.columns.some((c) => c.name === n));
        table.each((r) => {
          const o: Row = {};
          for (let j = 0; j < names.length; j++) {
            const n = names[j]!;
            o[n] = n === source ? label : has[j] ? r[n] ?? null : null;
          }
          sink(o);
        });
      }
    },
  };
}
