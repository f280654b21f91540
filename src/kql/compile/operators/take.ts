/** take / limit: the first N rows (Kusto gives no order guarantee; here it is input order). */
import { req, type SNode } from '../../syntax';
import type { Ctx } from '../context';
import { compileScalar } from '../expressions';
import type { CompiledTable } from '../tabular';

export function compileTake(op: SNode, input: CompiledTable, ctx: Ctx): CompiledTable {
  const count = compileScalar(req(op, 'Expression'), ctx).fn;
  const source = input.each;
  return {
    columns: input.columns,
    each: (sink) => {
      const limit = Math.max(0, Number(count({}) ?? 0));
      if (limit === 0) return;
      // Stops the upstream scan once N rows are out (a private signal object per run).
      const stop = {};
      let n = 0;
      try {
        source((r) => {
          sink(r);
          if (++n >= limit) throw stop;
        });
      } catch (e) {
        if (e !== stop) throw e;
      }
    },
  };
}
