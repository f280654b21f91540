/** Operators: arithmetic, comparison, logic (three-valued, as Kusto's null rules), string predicates, in, between. */
import { elems, isTabular, req, tokenText, type SNode } from '../syntax';
import { keyPart, parseTimespan, toKustoString, toMs } from '../values';
import { perRun, type Compiled, type Ctx, type Fn } from './context';
import { compileScalar, constant } from './expressions';
import { collect, compileTabular } from './tabular';
import { termRegex, type TermMode } from './terms';

const INTEGER = new Set(['int', 'long']);

export function compileOperator(n: SNode, kind: string, type: string, ctx: Ctx): Compiled {
  switch (kind) {
    case 'UnaryMinusExpression':
    case 'UnaryPlusExpression': {
      const a = compileScalar(req(n, 'Expression'), ctx);
      const fa = a.fn;
      const fn: Fn = kind === 'UnaryPlusExpression' ? fa : (r) => {
        const v = fa(r) as number | null;
        return v == null ? null : -v;
      };
      return fold(fn, type, [a]);
    }
    case 'AddExpression':
    case 'SubtractExpression':
    case 'MultiplyExpression':
    case 'DivideExpression':
    case 'ModuloExpression':
      return arithmetic(n, kind, type, ctx);
    case 'LessThanExpression':
    case 'LessThanOrEqualExpression':
    case 'GreaterThanExpression':
    case 'GreaterThanOrEqualExpression':
      return ordering(n, kind, ctx);
    case 'EqualExpression':
    case 'NotEqualExpression':
      return equality(n, kind === 'NotEqualExpression', false, ctx);
    case 'EqualTildeExpression':
    case 'BangTildeExpression':
      return equality(n, kind === 'BangTildeExpression', true, ctx);
    case 'AndExpression':
    case 'OrExpression':
      return logic(n, kind === 'AndExpression', ctx);
    case 'InExpression':
    case 'InCsExpression':
    case 'NotInExpression':
    case 'NotInCsExpression':
      return inList(n, ctx);
    case 'BetweenExpression':
    case 'NotBetweenExpression':
      return between(n, kind === 'NotBetweenExpression', ctx);
    case 'HasAnyExpression':
    case 'HasAllExpression':
      return hasAnyAll(n, kind === 'HasAllExpression', ctx);
    default: {
      const mode = STRING_OPS[kind];
      if (mode) return stringPredicate(n, mode, ctx);
      throw ctx.unsupported(n);
    }
  }
}

/** Folds an operator whose operands are constants. */
function fold(fn: Fn, type: string, operands: Compiled[]): Compiled {
  if (operands.every((o) => o.konst)) return constant(fn({}), type);
  return { fn, type, konst: false };
}

function operands(n: SNode, ctx: Ctx): [Compiled, Compiled] {
  return [compileScalar(req(n, 'Left'), ctx), compileScalar(req(n, 'Right'), ctx)];
}

function arithmetic(n: SNode, kind: string, type: string, ctx: Ctx): Compiled {
  const [a, b] = operands(n, ctx);
  const fa = coerce(a, b.type).fn;
  const fb = coerce(b, a.type).fn;
  const integer = INTEGER.has(type);
  let fn: Fn;
  switch (kind) {
    case 'AddExpression':
      fn = (r) => {
        const x = fa(r) as number | null;
        if (x == null) return null;
        const y = fb(r) as number | null;
        return y == null ? null : x + y;
      };
      break;
    case 'SubtractExpression':
      fn = (r) => {
        const x = fa(r) as number | null;
        if (x == null) return null;
        const y = fb(r) as number | null;
        return y == null ? null : x - y;
      };
      break;
    case 'MultiplyExpression':
      fn = (r) => {
        const x = fa(r) as number | null;
        if (x == null) return null;
        const y = fb(r) as number | null;
        return y == null ? null : x * y;
      };
      break;
    case 'DivideExpression':
      // long / long is integer division in Kusto (count() / 30 truncates); * 1.0 makes it real.
      fn = integer
        ? (r) => {
            const x = fa(r) as number | null;
            if (x == null) return null;
            const y = fb(r) as number | null;
            return y == null || y === 0 ? null : Math.trunc(x / y);
          }
        : (r) => {
            const x = fa(r) as number | null;
            if (x == null) return null;
            const y = fb(r) as number | null;
            return y == null ? null : x / y;
          };
      break;
    default:
      fn = (r) => {
        const x = fa(r) as number | null;
        if (x == null) return null;
        const y = fb(r) as number | null;
        return y == null || (integer && y === 0) ? null : x % y;
      };
  }
  return fold(fn, type, [a, b]);
}

/** A dynamic (or string) operand compared with a datetime/timespan is converted to that type first. */
function coerce(c: Compiled, otherType: string): Compiled {
  if (c.type === otherType) return c;
  const f = c.fn;
  if (otherType === 'datetime' && (c.type === 'dynamic' || c.type === 'string')) return { ...c, fn: (r) => toMs(f(r)) };
  if (otherType === 'timespan' && (c.type === 'dynamic' || c.type === 'string')) {
    return { ...c, fn: (r) => {
      const v = f(r);
      return typeof v === 'string' ? parseTimespan(v) : typeof v === 'number' ? v : null;
    } };
  }
  return c;
}

function ordering(n: SNode, kind: string, ctx: Ctx): Compiled {
  const [a0, b0] = operands(n, ctx);
  const fa = coerce(a0, b0.type).fn;
  const fb = coerce(b0, a0.type).fn;
  const cmp: (x: never, y: never) => boolean =
    kind === 'LessThanExpression' ? (x, y) => x < y
      : kind === 'LessThanOrEqualExpression' ? (x, y) => x <= y
        : kind === 'GreaterThanExpression' ? (x, y) => x > y
          : (x, y) => x >= y;
  const fn: Fn = (r) => {
    const x = fa(r);
    if (x == null) return null;
    const y = fb(r);
    return y == null ? null : cmp(x as never, y as never);
  };
  return fold(fn, 'bool', [a0, b0]);
}

function lower(v: unknown): unknown {
  return typeof v === 'string' ? v.toLowerCase() : v;
}

/** Equality with Kusto's null rules: null == null → null, null == x → false, null != x → true. */
function equality(n: SNode, negate: boolean, caseInsensitive: boolean, ctx: Ctx): Compiled {
  const [a0, b0] = operands(n, ctx);
  const a = coerce(a0, b0.type);
  const b = coerce(b0, a0.type);
  const fa = a.fn;
  const fb = b.fn;
  let fn: Fn;
  if (a.type === 'string' && b.type === 'string' && !caseInsensitive) {
    // Strings are never null in Kusto: a plain comparison.
    fn = negate ? (r) => fa(r) !== fb(r) : (r) => fa(r) === fb(r);
  } else {
    const objects = a.type === 'dynamic' || b.type === 'dynamic';
    const ci = caseInsensitive || a.type === 'guid' || b.type === 'guid';
    fn = (r) => {
      let x = fa(r);
      let y = fb(r);
      if (x == null || y == null) return x == null && y == null ? null : negate;
      if (ci) {
        x = lower(x);
        y = lower(y);
      }
      const same = x === y || (objects && typeof x === 'object' && typeof y === 'object' && keyPart(x) === keyPart(y));
      return negate ? !same : same;
    };
  }
  return fold(fn, 'bool', [a, b]);
}

function logic(n: SNode, and: boolean, ctx: Ctx): Compiled {
  const [a, b] = operands(n, ctx);
  const fa = a.fn;
  const fb = b.fn;
  const fn: Fn = and
    ? (r) => {
        const x = fa(r);
        if (x === false) return false;
        const y = fb(r);
        if (y === false) return false;
        return x === true && y === true ? true : null;
      }
    : (r) => {
        const x = fa(r);
        if (x === true) return true;
        const y = fb(r);
        if (y === true) return true;
        return x === false && y === false ? false : null;
      };
  return fold(fn, 'bool', [a, b]);
}

/** The right-hand list of `in`/`has_any`: scalars, dynamic arrays (flattened) or a subquery's first column. */
function listValues(list: SNode, ctx: Ctx): { values: () => unknown[]; konst: boolean } {
  const parts: Array<() => unknown[]> = [];
  let konst = true;
  for (const item of elems(list, 'Expressions')) {
    if (isTabular(item)) {
      const { each, columns } = compileTabular(item, ctx);
      const col = columns[0]!;
      konst = false;
      parts.push(perRun(ctx.env, () => collect(each).map((row) => (col.type === 'datetime' ? toMs(row[col.name]) : row[col.name] ?? null))));
      continue;
    }
    const c = compileScalar(item, ctx);
    if (!c.konst) konst = false;
    const f = c.fn;
    parts.push(c.type === 'dynamic'
      ? () => {
          const v = f({});
          return Array.isArray(v) ? v : [v];
        }
      : () => [f({})]);
  }
  return { values: () => parts.flatMap((p) => p()), konst };
}

function inList(n: SNode, ctx: Ctx): Compiled {
  const op = tokenText(n, 'Operator').replace(/\s+/g, '');
  const negate = op.startsWith('!');
  const ci = op.endsWith('~');
  const left = compileScalar(req(n, 'Left'), ctx);
  const fl = left.fn;
  const { values, konst } = listValues(req(n, 'Right'), ctx);
  const toSet = (): Set<unknown> => new Set(values().map((v) => (ci ? lower(keyPart(v)) : keyPart(v))));
  const set = konst ? (() => { const s = toSet(); return () => s; })() : perRun(ctx.env, toSet);
  const fn: Fn = (r) => {
    const v = fl(r);
    if (v == null) return negate;
    const k = ci ? lower(keyPart(v)) : keyPart(v);
    return set().has(k) !== negate;
  };
  return { fn, type: 'bool', konst: false };
}

function between(n: SNode, negate: boolean, ctx: Ctx): Compiled {
  const left = compileScalar(req(n, 'Left'), ctx);
  const couple = req(n, 'Right');
  const lo = coerce(compileScalar(req(couple, 'First'), ctx), left.type);
  let hi = compileScalar(req(couple, 'Second'), ctx);
  if (left.type === 'datetime' && hi.type === 'timespan') {
    // datetime between (start .. span): the upper bound is start + span.
    const fl0 = lo.fn;
    const fh0 = hi.fn;
    hi = { ...hi, fn: (r) => {
      const s = fl0(r) as number | null;
      const d = fh0(r) as number | null;
      return s == null || d == null ? null : s + d;
    } };
  } else hi = coerce(hi, left.type);
  const fx = left.fn;
  const flo = lo.fn;
  const fhi = hi.fn;
  const fn: Fn = (r) => {
    const x = fx(r) as number | null;
    if (x == null) return null;
    const a = flo(r) as number | null;
    const b = fhi(r) as number | null;
    if (a == null || b == null) return null;
    return (x >= a && x <= b) !== negate;
  };
  return fold(fn, 'bool', [left, lo, hi]);
}

const STRING_OPS: Record<string, { mode: TermMode; cs: boolean; negate: boolean }> = {};
for (const [kinds, mode] of [
  [['Has', 'HasCs'], 'has'], [['HasPrefix', 'HasPrefixCs'], 'hasprefix'], [['HasSuffix', 'HasSuffixCs'], 'hassuffix'],
  [['Contains', 'ContainsCs'], 'contains'], [['StartsWith', 'StartsWithCs'], 'startswith'], [['EndsWith', 'EndsWithCs'], 'endswith'],
] as const) {
  for (const k of kinds) {
    const cs = k.endsWith('Cs');
    STRING_OPS[`${k}Expression`] = { mode, cs, negate: false };
    STRING_OPS[`Not${k}Expression`] = { mode, cs, negate: true };
  }
}
STRING_OPS.MatchesRegexExpression = { mode: 'regex', cs: true, negate: false };

function asText(c: Compiled): Fn {
  if (c.type === 'string') return c.fn;
  const f = c.fn;
  const t = c.type;
  return (r) => toKustoString(f(r), t);
}

function stringPredicate(n: SNode, op: { mode: TermMode; cs: boolean; negate: boolean }, ctx: Ctx): Compiled {
  const [a, b] = operands(n, ctx);
  const hay = asText(a);
  const needle = asText(b);
  const negate = op.negate;
  let fn: Fn;
  if (b.konst) {
    const re = termRegex(String(needle({})), op.mode, op.cs);
    fn = (r) => re.test(hay(r) as string) !== negate;
  } else {
    let lastNeedle = '';
    let re = termRegex('', op.mode, op.cs);
    fn = (r) => {
      const nv = needle(r) as string;
      if (nv !== lastNeedle) {
        re = termRegex(nv, op.mode, op.cs);
        lastNeedle = nv;
      }
      return re.test(hay(r) as string) !== negate;
    };
  }
  return fold(fn, 'bool', [a, b]);
}

function hasAnyAll(n: SNode, all: boolean, ctx: Ctx): Compiled {
  const hay = asText(compileScalar(req(n, 'Left'), ctx));
  const { values, konst } = listValues(req(n, 'Right'), ctx);
  const build = (): RegExp[] => values().filter((v) => v != null && v !== '').map((v) => termRegex(String(v), 'has', false));
  const regexes = konst ? (() => { const r = build(); return () => r; })() : perRun(ctx.env, build);
  const fn: Fn = all
    ? (r) => {
        const s = hay(r) as string;
        for (const re of regexes()) if (!re.test(s)) return false;
        return true;
      }
    : (r) => {
        const s = hay(r) as string;
        for (const re of regexes()) if (re.test(s)) return true;
        return false;
      };
  return { fn, type: 'bool', konst: false };
}
