/**
 * summarize: groups rows by the `by` keys (nested Maps, no per-row key strings) and folds aggregators.
 * Output columns are positional against the parser's result type: by-columns, then one column per
 * aggregate expression (arg_max/arg_min give several).
 */
import { AGGREGATES, type Aggregator } from '../../functions/aggregates';
import { columnsOf, elems, kindOf, prop, req, symbolOf, type SNode } from '../../syntax';
import type { KqlColumn, Row } from '../../types';
import { compareNonNull, keyPart } from '../../values';
import type { Ctx, Each, Fn } from '../context';
import { argumentsOf, compileScalar } from '../expressions';
import type { CompiledTable } from '../tabular';
import { toStored } from './store';

interface Group {
  keys: unknown[];
  states: unknown[];
}

/** One output column computed from a finished group. */
type Output = (g: Group, finished: unknown[]) => unknown;

export function compileSummarize(op: SNode, input: CompiledTable, ctx: Ctx): CompiledTable {
  const columns = columnsOf(op);
  const byNodes = elems(prop(op, 'ByClause'), 'Expressions');
  const byFns = byNodes.map((b) => compileScalar(unname(b), ctx).fn);
  const aggregators: Aggregator[] = [];
  const outputs: Output[] = [];
  byNodes.forEach((_, i) => outputs.push((g) => toStored(g.keys[i], columns[i]!.type)));

  const aggNodes = elems(op, 'Aggregates');
  const stars = aggNodes.filter((a) => isArgExtreme(unname(a)) && argumentsOf(unname(a)).some((x) => kindOf(x) === 'StarExpression'));
  if (stars.length > 1) throw ctx.unsupported(stars[1]!, 'several arg_max/arg_min(*, ...) in one summarize');
  const fixedCount = aggNodes.reduce((n, a) => n + (isArgExtreme(unname(a)) ? argumentsOf(unname(a)).filter((x) => kindOf(x) !== 'StarExpression').length : 1), 0);
  const starCount = columns.length - byNodes.length - fixedCount;
  let col = byNodes.length;
  for (const a of aggNodes) {
    const expr = unname(a);
    if (isArgExtreme(expr)) {
      const width = argumentsOf(expr).filter((x) => kindOf(x) !== 'StarExpression').length + (stars[0] === a ? starCount : 0);
      outputs.push(...argExtreme(expr, columns.slice(col, col + width), input.columns, aggregators, ctx));
      col += width;
      continue;
    }
    const type = columns[col]!.type;
    const first = aggregators.length;
    ctx.aggregates = {
      add(call, name) {
        const factory = Object.hasOwn(AGGREGATES, name) ? AGGREGATES[name] : undefined;
        if (!factory) throw ctx.unsupported(call, `aggregate function ${name}()`);
        const saved = ctx.aggregates;
        ctx.aggregates = null;
        const args = argumentsOf(call).map((x) => compileScalar(x, ctx));
        ctx.aggregates = saved;
        const index = aggregators.length;
        aggregators.push(factory(args));
        return (finished) => (finished as unknown as unknown[])[index];
      },
    };
    const fn = compileScalar(expr, ctx).fn;
    ctx.aggregates = null;
    if (aggregators.length === first) throw ctx.unsupported(a, 'summarize expression without an aggregate function');
    outputs.push((_g, finished) => toStored(fn(finished as unknown as Row), type));
    col++;
  }
  if (col !== columns.length) throw ctx.unsupported(op, 'summarize whose output columns the engine cannot map');

  const source = input.each;
  const names = columns.map((c) => c.name);
  return {
    columns,
    each: (sink) => {
      const groups = group(source, byFns, aggregators);
      const finished = new Array<unknown>(aggregators.length);
      for (let i = 0; i < groups.length; i++) {
        const g = groups[i]!;
        for (let j = 0; j < aggregators.length; j++) finished[j] = aggregators[j]!.finish(g.states[j]);
        const o: Row = {};
        for (let j = 0; j < outputs.length; j++) o[names[j]!] = outputs[j]!(g, finished);
        sink(o);
      }
    },
  };
}

function unname(e: SNode): SNode {
  return kindOf(e) === 'SimpleNamedExpression' ? req(e, 'Expression') : e;
}

function isArgExtreme(e: SNode): boolean {
  if (kindOf(e) !== 'FunctionCallExpression') return false;
  const name = symbolOf(e)?.name;
  return name === 'arg_max' || name === 'arg_min';
}

function group(source: Each, byFns: Fn[], aggs: Aggregator[]): Group[] {
  const na = aggs.length;
  const newGroup = (keys: unknown[]): Group => {
    const states = new Array<unknown>(na);
    for (let j = 0; j < na; j++) states[j] = aggs[j]!.init();
    return { keys, states };
  };
  const groups: Group[] = [];
  const nk = byFns.length;
  if (nk === 0) {
    // No keys: exactly one row, even for empty input (aggregate defaults).
    groups.push(newGroup([]));
  }
  const root = new Map<unknown, unknown>();
  const keys = new Array<unknown>(nk);
  source((r) => {
    let g: Group | undefined;
    if (nk === 0) g = groups[0];
    else {
      let level = root;
      for (let k = 0; k < nk - 1; k++) {
        const kv = keyPart((keys[k] = byFns[k]!(r)));
        let next = level.get(kv) as Map<unknown, unknown> | undefined;
        if (!next) level.set(kv, (next = new Map()));
        level = next;
      }
      const last = byFns[nk - 1]!(r);
      keys[nk - 1] = last;
      const kv = keyPart(last);
      g = level.get(kv) as Group | undefined;
      if (!g) {
        g = newGroup(keys.slice());
        level.set(kv, g);
        groups.push(g);
      }
    }
    const states = g!.states;
    for (let j = 0; j < na; j++) states[j] = aggs[j]!.step(states[j], r);
  });
  return groups;
}

/** arg_max(ExprToMaximize, Col, ...|*): the row where the expression is largest (first one on ties). */
function argExtreme(call: SNode, outCols: KqlColumn[], inputCols: KqlColumn[], aggregators: Aggregator[], ctx: Ctx): Output[] {
  const sign = symbolOf(call)!.name === 'arg_max' ? 1 : -1;
  const [target, ...rest] = argumentsOf(call);
  const value = compileScalar(target!, ctx).fn;
  const index = aggregators.length;
  aggregators.push({
    init: () => ({ best: null as unknown, row: null as Row | null }),
    step: (s, r) => {
      const st = s as { best: unknown; row: Row | null };
      const v = value(r);
      if (v == null) {
        // All-null groups still yield a row (the first one); a non-null value replaces it.
        if (st.row === null) st.row = r;
        return s;
      }
      if (st.best == null || compareNonNull(v, st.best) * sign > 0) {
        st.best = v;
        st.row = r;
      }
      return s;
    },
    finish: (s) => s,
  });
  const inputNames = new Set(inputCols.map((c) => c.name));
  const outputs: Output[] = [];
  const type0 = outCols[0]!.type;
  outputs.push((_g, f) => toStored((f[index] as { best: unknown }).best, type0));
  const explicit = rest.filter((x) => kindOf(x) !== 'StarExpression');
  outCols.slice(1).forEach((c, i) => {
    const arg = explicit[i];
    let fn: Fn;
    if (arg) {
      const compiled = compileScalar(unname(arg), ctx);
      fn = compiled.fn;
      const type = c.type;
      outputs.push((_g, f) => {
        const row = (f[index] as { row: Row | null }).row;
        return row ? toStored(fn(row), type) : null;
      });
      return;
    }
    if (!inputNames.has(c.name)) throw ctx.unsupported(call, `${symbolOf(call)!.name}(*) column ${c.name}`);
    const name = c.name;
    outputs.push((_g, f) => {
      const row = (f[index] as { row: Row | null }).row;
      return row ? row[name] ?? null : null;
    });
  });
  return outputs;
}
