/** Compiles an analysed scalar expression into a closure over one row. */
import { FUNCTIONS } from '../functions/index';
import { AGGREGATES } from '../functions/aggregates';
import { isTabular, kindOf, req, simpleName, symbolOf, typeName, type SNode } from '../syntax';
import { toDynamic, toMs } from '../values';
import { compileOperator } from './binary';
import { perRun, type Compiled, type Ctx, type Fn } from './context';
import { literalValue } from './literals';
import { collect, compileTabular } from './tabular';

export function constant(value: unknown, type: string): Compiled {
  return { fn: () => value, type, konst: true };
}

/** Reads a column in the engine's internal representation (datetime → ms, missing string → ""). */
export function columnReader(name: string, type: string): Fn {
  switch (type) {
    case 'datetime':
      return (r) => {
        const v = r[name];
        return v instanceof Date ? v.getTime() : toMs(v);
      };
    case 'string':
      return (r) => {
        const v = r[name];
        return v == null ? '' : v;
      };
    default:
      return (r) => {
        const v = r[name];
        return v === undefined ? null : v;
      };
  }
}

/** Converts an internal value back to the row representation (datetime ms → Date). */
export function toRowValue(type: string): ((v: unknown) => unknown) | null {
  return type === 'datetime' ? (v) => (typeof v === 'number' ? new Date(v) : v ?? null) : null;
}

export function compileScalar(n: SNode, ctx: Ctx): Compiled {
  const kind = kindOf(n);
  const type = typeName(n);
  switch (kind) {
    case 'ParenthesizedExpression':
      return compileScalar(req(n, 'Expression'), ctx);
    case 'StringLiteralExpression':
    case 'CompoundStringLiteralExpression':
    case 'LongLiteralExpression':
    case 'IntLiteralExpression':
    case 'RealLiteralExpression':
    case 'DecimalLiteralExpression':
    case 'BooleanLiteralExpression':
    case 'DateTimeLiteralExpression':
    case 'TimespanLiteralExpression':
    case 'GuidLiteralExpression':
    case 'DynamicExpression':
      return constant(literalValue(n, ctx), type);
    case 'NameReference':
      return compileName(n, ctx, type);
    case 'FunctionCallExpression':
      return compileCall(n, ctx, type);
    case 'PathExpression':
    case 'ElementExpression':
      return compileMember(n, ctx, type, kind);
    case 'ToScalarExpression':
      return compileToScalar(n, ctx, type);
    default:
      return compileOperator(n, kind, type, ctx);
  }
}

function compileName(n: SNode, ctx: Ctx, type: string): Compiled {
  const sym = symbolOf(n);
  if (!sym) throw ctx.unsupported(n, `name ${ctx.text(n)}`);
  if (sym.kind === 'ColumnSymbol') return { fn: columnReader(sym.name, type), type, konst: false, column: sym.name };
  if (sym.kind === 'VariableSymbol' || sym.kind === 'ParameterSymbol') {
    const binding = ctx.lets.get(sym.raw);
    if (binding?.scalar) return binding.scalar;
    throw ctx.unsupported(n, `reference to ${sym.name}`);
  }
  if (sym.kind === 'FunctionSymbol') return compileCall(n, ctx, type);
  throw ctx.unsupported(n, `reference to ${sym.kind.replace('Symbol', '').toLowerCase()} ${sym.name}`);
}

function compileCall(n: SNode, ctx: Ctx, type: string): Compiled {
  const sym = symbolOf(n);
  const name = sym?.name ?? ctx.text(n);
  if (sym && sym.kind !== 'FunctionSymbol') throw ctx.unsupported(n, `call of ${name}`);
  const argNodes = kindOf(n) === 'FunctionCallExpression' ? argumentsOf(n) : [];
  if (isAggregate(sym?.raw) || Object.hasOwn(AGGREGATES, name)) {
    if (!ctx.aggregates) throw ctx.unsupported(n, `aggregate function ${name}() outside summarize`);
    return { fn: ctx.aggregates.add(n, name), type, konst: false };
  }
  const spec = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!spec) throw ctx.unsupported(n, `function ${name}()`);
  const args = argNodes.map((a) => compileScalar(a, ctx));
  const fn = spec.compile(args, { node: n, argNodes, ctx, type });
  if (spec.pure !== false && args.every((a) => a.konst)) {
    const value = fn({});
    return constant(value, type);
  }
  return { fn, type, konst: false };
}

export function argumentsOf(call: SNode): SNode[] {
  const list = req(call, 'ArgumentList');
  const out: SNode[] = [];
  const exprs = (list as unknown as { Expressions: { Count: number; getItem(i: number): { Element: SNode } } }).Expressions;
  for (let i = 0; i < exprs.Count; i++) out.push(exprs.getItem(i).Element);
  return out;
}

/** Aggregate functions are FunctionSymbols registered in Kusto.Language.Aggregates. */
let aggregateSymbols: Set<object> | undefined;
function isAggregate(symbol: object | undefined): boolean {
  if (!symbol) return false;
  if (!aggregateSymbols) {
    // A JS array in this Bridge build (a .NET list elsewhere).
    const all = (globalThis as unknown as { Kusto: { Language: { Aggregates: { All: ArrayLike<object> } } } }).Kusto.Language.Aggregates.All;
    aggregateSymbols = new Set(Array.from(all));
  }
  return aggregateSymbols.has(symbol);
}

/** `x.a`, `x["a"]`, `x[0]`, `x[-1]` on dynamic values. */
function compileMember(n: SNode, ctx: Ctx, type: string, kind: string): Compiled {
  const target = req(n, 'Expression');
  if (typeName(target) !== 'dynamic') throw ctx.unsupported(n, `member access on ${typeName(target) || 'a table'}`);
  const base = compileScalar(target, ctx).fn;
  const selector = req(n, 'Selector');
  let key: Compiled;
  if (kind === 'PathExpression') {
    key = constant(simpleName(selector), 'string');
  } else {
    key = compileScalar(req(selector, 'Expression'), ctx);
  }
  const fk = key.fn;
  const fn: Fn = (r) => {
    const obj = base(r);
    if (obj == null || typeof obj !== 'object') return null;
    const k = fk(r);
    if (Array.isArray(obj)) {
      if (typeof k !== 'number') return null;
      const v = obj[k < 0 ? obj.length + k : k];
      return v === undefined ? null : v;
    }
    const v = (obj as Record<string, unknown>)[String(k)];
    return v === undefined ? null : v;
  };
  return { fn, type, konst: false };
}

function compileToScalar(n: SNode, ctx: Ctx, type: string): Compiled {
  const inner = req(n, 'Expression');
  if (!isTabular(inner)) return compileScalar(inner, ctx);
  const { each, columns } = compileTabular(inner, ctx);
  const first = columns[0];
  if (!first) throw ctx.unsupported(n, 'toscalar of a table without columns');
  const value = perRun(ctx.env, () => {
    const rows = collect(each);
    if (rows.length === 0) return null;
    const v = rows[0]![first.name];
    return first.type === 'datetime' ? toMs(v) : v ?? null;
  });
  return { fn: () => value(), type, konst: false };
}

/** Wraps a compiled value so it can be stored inside a dynamic (datetime → ISO text). */
export function asDynamic(c: Compiled): Fn {
  if (c.type !== 'datetime' && c.type !== 'timespan') return c.fn;
  const f = c.fn;
  const t = c.type;
  return (r) => toDynamic(f(r), t);
}
