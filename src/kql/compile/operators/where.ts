/** where / filter: keeps rows whose predicate is true (null counts as false). */
import { req, type SNode } from '../../syntax';
import type { Row } from '../../types';
import type { Ctx } from '../context';
import { compileScalar } from '../expressions';
import type { CompiledTable } from '../tabular';

export function compileWhere(op: SNode, input: CompiledTable, ctx: Ctx): CompiledTable {
  const pred = compileScalar(req(op, 'Condition'), ctx).fn;
  const source = input.fn;
  return {
    columns: input.columns,
    fn: () => {
      const rows = source();
      const out: Row[] = [];
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        if (pred(r) === true) out.push(r);
      }
      return out;
    },
  };
}
