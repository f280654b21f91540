/**
 * mv-expand: one row per element of the expanded arrays/bags, expanded in parallel (shorter ones padded
 * with null). A null value gives one row with null; an empty array or bag gives no row (mv-expand page).
 */
import { kusto } from '../../loader';
import { columnsOf, elems, kindOf, prop, req, simpleName, type SNode } from '../../syntax';
import type { Row } from '../../types';
import type { Ctx, Fn } from '../context';
import { compileScalar } from '../expressions';
import type { CompiledTable } from '../tabular';
import { onlyParameters, parameters } from './params';

interface Expansion {
  name: string;
  value: Fn;
  cast: ((v: unknown) => unknown) | null;
}

export function compileMvExpand(op: SNode, input: CompiledTable, ctx: Ctx): CompiledTable {
  const columns = columnsOf(op);
  const params = parameters(op, ctx);
  onlyParameters(op, params, ['bagexpansion', 'kind', 'with_itemindex'], ctx, 'mv-expand');
  const bagAsArray = (params.get('bagexpansion') ?? params.get('kind') ?? 'bag').toLowerCase() === 'array';
  const indexName = params.get('with_itemindex');
  const limitNode = prop(prop(op, 'RowLimitClause') ?? op, 'RowLimit');
  const limit = limitNode ? Number(compileScalar(limitNode, ctx).fn({})) : Infinity;

  const expansions: Expansion[] = elems(op, 'Expressions').map((m) => {
    let expr = req(m, 'Expression');
    let name: string;
    if (kindOf(expr) === 'SimpleNamedExpression') {
      name = simpleName(req(expr, 'Name'));
      expr = req(expr, 'Expression');
    } else {
      name = kusto().KustoFacts.GetExpressionResultName(expr as Kusto.Language.Syntax.Expression, null, null) ?? '';
    }
    const col = columns.find((c) => c.name === name);
    if (!name || !col) throw ctx.unsupported(m, 'mv-expand expression the engine cannot name');
    return { name, value: compileScalar(expr, ctx).fn, cast: col.type === 'dynamic' ? null : caster(col.type) };
  });
  const source = input.each;
  const inputNames = input.columns.map((c) => c.name);
  return {
    columns,
    each: (sink) => {
      const lists = new Array<unknown[]>(expansions.length);
      source((r) => {
        let n = 0;
        for (let j = 0; j < expansions.length; j++) {
          const items = elementsOf(expansions[j]!.value(r), bagAsArray);
          lists[j] = items;
          if (items.length > n) n = items.length;
        }
        n = Math.min(n, limit);
        for (let i = 0; i < n; i++) {
          const o: Row = {};
          for (const name of inputNames) o[name] = r[name];
          for (let j = 0; j < expansions.length; j++) {
            const e = expansions[j]!;
            const v = i < lists[j]!.length ? lists[j]![i] : null;
            o[e.name] = e.cast ? e.cast(v) : v ?? null;
          }
          if (indexName) o[indexName] = i;
          sink(o);
        }
      });
    },
  };
}

function elementsOf(v: unknown, bagAsArray: boolean): unknown[] {
  if (v == null) return [null];
  if (Array.isArray(v)) return v;
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => (bagAsArray ? [k, x] : { [k]: x }));
  return [v];
}

/** `to typeof(T)` casts only: elements not of that type become null. */
function caster(type: string): (v: unknown) => unknown {
  switch (type) {
    case 'string':
      return (v) => (typeof v === 'string' ? v : null);
    case 'long':
    case 'int':
    case 'real':
      return (v) => (typeof v === 'number' ? v : null);
    case 'bool':
      return (v) => (typeof v === 'boolean' ? v : null);
    case 'datetime':
      return (v) => {
        if (typeof v !== 'string') return null;
        const ms = Date.parse(v);
        return Number.isNaN(ms) ? null : new Date(ms);
      };
    default:
      return (v) => v ?? null;
  }
}
