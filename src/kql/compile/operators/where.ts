/** where / filter: keeps rows whose predicate is true (null counts as false). */
import { req, type SNode } from '../../syntax';
import type { Ctx } from '../context';
import { compileScalar } from '../expressions';
import type { CompiledTable } from '../tabular';

export function compileWhere(op: SNode, input: CompiledTable, ctx: Ctx): CompiledTable {
  const pred = compileScalar(req(op, 'Condition'), ctx).fn;
  const source = input.each;
  return {
    columns: input.columns,
    each: (sink) =>
      source((r) => {
        if (pred(r) === true) sink(r);
      }),
  };
}
