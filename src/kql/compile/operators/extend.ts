/**
 * extend: each expression is evaluated on the row being built, so later expressions see earlier ones (as in
 * Kusto). Names follow the parser: a derived name (`tostring(B)` → B) replaces that column in place,
 * otherwise Column1, Column2, ...; the result is checked against the parser's result type.
 */
import { kusto } from '../../loader';
import { columnsOf, elems, kindOf, req, simpleName, type SNode } from '../../syntax';
import type { Ctx, Fn } from '../context';
import { compileScalar } from '../expressions';
import type { CompiledTable } from '../tabular';
import { rowCopier } from './shape';
import { storer } from './store';

export function compileExtend(op: SNode, input: CompiledTable, ctx: Ctx): CompiledTable {
  const columns = columnsOf(op);
  const names = input.columns.map((c) => c.name);
  const targets: string[] = [];
  const fns: Fn[] = [];
  let auto = 1;
  for (const e of elems(op, 'Expressions')) {
    let name: string;
    let expr = e;
    if (kindOf(e) === 'SimpleNamedExpression') {
      name = simpleName(req(e, 'Name'));
      expr = req(e, 'Expression');
    } else if (kindOf(e) === 'CompoundNamedExpression') {
      throw ctx.unsupported(e, 'tuple-named extend expression');
    } else {
      name = derivedName(e) ?? '';
      if (!name) {
        while (names.includes(`Column${auto}`)) auto++;
        name = `Column${auto}`;
      }
    }
    if (!names.includes(name)) names.push(name);
    targets.push(name);
    fns.push(storer(compileScalar(expr, ctx)));
  }
  if (names.join('\u0001') !== columns.map((c) => c.name).join('\u0001')) {
    throw ctx.unsupported(op, 'extend whose column names the engine cannot map');
  }
  const n = targets.length;
  const copy = rowCopier(input.columns.map((c) => c.name), targets);
  const source = input.each;
  return {
    columns,
    each: (sink) =>
      source((r) => {
        const o = copy(r);
        for (let j = 0; j < n; j++) o[targets[j]!] = fns[j]!(r);
        sink(o);
      }),
  };
}

function derivedName(e: SNode): string | null {
  return kusto().KustoFacts.GetExpressionResultName(e as Kusto.Language.Syntax.Expression, null, null);
}
