/** distinct Col, ... | distinct *: first row of each distinct combination, in input order. */
import { columnsOf, type SNode } from '../../syntax';
import type { Row } from '../../types';
import { compositeKey } from '../../values';
import type { Ctx } from '../context';
import type { CompiledTable } from '../tabular';

export function compileDistinct(op: SNode, input: CompiledTable, ctx: Ctx): CompiledTable {
  const columns = columnsOf(op);
  const inputNames = new Set(input.columns.map((c) => c.name));
  for (const c of columns) if (!inputNames.has(c.name)) throw ctx.unsupported(op, 'distinct on an expression');
  const names = columns.map((c) => c.name);
  const source = input.each;
  return {
    columns,
    each: (sink) => {
      const seen = new Set<string>();
      const values = new Array<unknown>(names.length);
      source((r) => {
        for (let j = 0; j < names.length; j++) values[j] = r[names[j]!];
        const key = compositeKey(values);
        if (seen.has(key)) return;
        seen.add(key);
        const o: Row = {};
        for (let j = 0; j < names.length; j++) o[names[j]!] = values[j] === undefined ? null : values[j];
        sink(o);
      });
    },
  };
}
