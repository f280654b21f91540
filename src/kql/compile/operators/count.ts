/** count: one row with the number of input rows (column named as the parser says, `Count` by default). */
import { columnsOf, type SNode } from '../../syntax';
import type { CompiledTable } from '../tabular';

export function compileCount(op: SNode, input: CompiledTable): CompiledTable {
  const columns = columnsOf(op);
  const name = columns[0]!.name;
  const source = input.each;
  return {
    columns,
    each: (sink) => {
      let n = 0;
      source(() => {
        n++;
      });
      sink({ [name]: n });
    },
  };
}
