/** Operator parameters (`kind=leftouter`, `withsource=Src`, `hint.strategy=shuffle`). */
import { elems, prop, simpleName, type SNode } from '../../syntax';
import type { Ctx } from '../context';

export function parameters(op: SNode, ctx: Ctx): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of elems(op, 'Parameters')) {
    const name = simpleName(prop(p, 'Name')!).toLowerCase();
    const value = prop(p, 'Expression');
    out.set(name, value ? ctx.text(value).trim() : '');
  }
  return out;
}

/** Rejects parameters other than the listed ones (hints are ignored: they change no result). */
export function onlyParameters(op: SNode, params: Map<string, string>, allowed: string[], ctx: Ctx, what: string): void {
  for (const name of params.keys()) {
    if (name.startsWith('hint.')) continue;
    if (!allowed.includes(name)) throw ctx.unsupported(op, `${what} parameter ${name}`);
  }
}
