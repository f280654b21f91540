/** take / limit: the first N rows (Kusto gives no order guarantee; here it is input order). */
import { req, type SNode } from '../../syntax';
import type { Ctx } from '../context';
import { compileScalar } from '../expressions';
import type { CompiledTable } from '../tabular';

export function compileTake(op: SNode, input: CompiledTable, ctx: Ctx): CompiledTable {
  const count = compileScalar(req(op, 'Expression'), ctx).fn;
  const source = input.fn;
  return { columns: input.columns, fn: () => source().slice(0, Math.max(0, Number(count({}) ?? 0))) };
}
