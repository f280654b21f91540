/** project, project-away, project-keep, project-reorder, project-rename: output columns follow the parser's result type. */
import { columnsOf, elems, kindOf, req, simpleName, type SNode } from '../../syntax';
import type { KqlColumn } from '../../types';
import type { Ctx, Fn } from '../context';
import { compileScalar } from '../expressions';
import type { CompiledTable } from '../tabular';
import { rowBuilder } from './shape';
import { storer } from './store';

/** Each output column from one expression (named or not), in order. */
export function compileProject(op: SNode, input: CompiledTable, ctx: Ctx): CompiledTable {
  const columns = columnsOf(op);
  const exprs = elems(op, 'Expressions');
  if (exprs.length !== columns.length) throw ctx.unsupported(op, 'project with a column list the engine cannot map');
  const fns: Fn[] = exprs.map((e) => {
    if (kindOf(e) === 'CompoundNamedExpression') throw ctx.unsupported(e, 'tuple-named project expression');
    const inner = kindOf(e) === 'SimpleNamedExpression' ? req(e, 'Expression') : e;
    return storer(compileScalar(inner, ctx));
  });
  return mapRows(input, columns, fns);
}

/** project-away / project-keep / project-reorder: same-named columns, as the result type lists them. */
export function compileProjectSameNames(op: SNode, input: CompiledTable, ctx: Ctx): CompiledTable {
  const columns = columnsOf(op);
  const inputNames = new Set(input.columns.map((c) => c.name));
  for (const c of columns) if (!inputNames.has(c.name)) throw ctx.unsupported(op, `${kindOf(op)} producing column ${c.name}`);
  return mapRows(input, columns, columns.map((c) => copy(c.name)));
}

export function compileProjectRename(op: SNode, input: CompiledTable, ctx: Ctx): CompiledTable {
  const columns = columnsOf(op);
  const from = new Map<string, string>();
  for (const e of elems(op, 'Expressions')) {
    if (kindOf(e) !== 'SimpleNamedExpression') throw ctx.unsupported(e, 'project-rename without new = old');
    from.set(simpleName(req(e, 'Name')), simpleName(req(e, 'Expression')));
  }
  return mapRows(input, columns, columns.map((c) => copy(from.get(c.name) ?? c.name)));
}

function copy(name: string): Fn {
  return (r) => {
    const v = r[name];
    return v === undefined ? null : v;
  };
}

export function mapRows(input: CompiledTable, columns: KqlColumn[], fns: Fn[]): CompiledTable {
  const build = rowBuilder(columns.map((c) => c.name), fns);
  const source = input.each;
  return {
    columns,
    each: (sink) =>
      source((r) => {
        sink(build(r));
      }),
  };
}
