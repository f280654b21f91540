/** Compiles a whole query block: let statements, then the single tabular expression statement. */
import { elems, isTabular, kindOf, req, type SNode } from '../syntax';
import { perRun, type Ctx } from './context';
import { compileScalar } from './expressions';
import { collect, compileTabular, type CompiledTable } from './tabular';

export function compileQuery(root: SNode, ctx: Ctx): CompiledTable {
  if (kindOf(root) !== 'QueryBlock') throw ctx.unsupported(root, 'control command');
  let result: CompiledTable | null = null;
  for (const st of elems(root, 'Statements')) {
    const kind = kindOf(st);
    if (kind === 'LetStatement') {
      compileLet(st, ctx);
    } else if (kind === 'ExpressionStatement') {
      if (result) throw ctx.unsupported(st, 'several result statements');
      const expr = req(st, 'Expression');
      if (!isTabular(expr)) {
        // e.g. facet or fork: operators whose result is not one table.
        if (kindOf(expr) === 'PipeExpression') throw ctx.unsupported(req(expr, 'Operator'));
        throw ctx.unsupported(st, 'scalar query result (use print)');
      }
      result = compileTabular(expr, ctx);
    } else {
      throw ctx.unsupported(st);
    }
  }
  if (!result) throw ctx.unsupported(root, 'query without a result statement');
  return result;
}

function compileLet(st: SNode, ctx: Ctx): void {
  const decl = req(st, 'Name');
  const symbol = decl.ReferencedSymbol as object | null;
  const expr = req(st, 'Expression');
  if (!symbol) throw ctx.unsupported(st, 'let statement');
  if (kindOf(expr) === 'FunctionDeclaration') throw ctx.unsupported(expr, 'user-defined function (let with a lambda)');
  if (isTabular(expr)) {
    const table = compileTabular(expr, ctx);
    ctx.lets.set(symbol, { table: perRun(ctx.env, () => collect(table.each)) });
    return;
  }
  const c = compileScalar(expr, ctx);
  if (c.konst) {
    ctx.lets.set(symbol, { scalar: c });
    return;
  }
  // Evaluated once per run (e.g. `let since = ago(7d);`), never per row.
  const f = c.fn;
  const value = perRun(ctx.env, () => f({}));
  ctx.lets.set(symbol, { scalar: { fn: () => value(), type: c.type, konst: false } });
}
