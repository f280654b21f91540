/** tostring, toint, tolong, todouble/toreal, tobool, todatetime, totimespan, toguid, parse_json/todynamic. */
import type { Fn } from '../compile/context';
import { parseDatetime, parseTimespan, toKustoString } from '../values';
import type { ScalarFunction } from './registry';

function converter(convert: (v: unknown, type: string) => unknown): ScalarFunction {
  return {
    compile([a]) {
      const f: Fn = a!.fn;
      const type = a!.type;
      return (r) => {
        const v = f(r);
        return v == null ? null : convert(v, type);
      };
    },
  };
}

function toNumber(v: unknown, type: string): number | null {
  if (typeof v === 'number') return Number.isNaN(v) && type !== 'real' ? null : v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return null;
    const n = Number(t);
    return Number.isNaN(n) ? null : n;
  }
  return null;
}

const toReal = converter((v, t) => toNumber(v, t));
const toInteger = converter((v, t) => {
  const n = toNumber(v, t);
  return n == null || !Number.isFinite(n) ? null : Math.trunc(n);
});

function toBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true' || t === '1') return true;
    if (t === 'false' || t === '0') return false;
  }
  return null;
}

function parseJson(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export const CONVERSIONS: Record<string, ScalarFunction> = {
  tostring: { compile: ([a]) => {
    const f = a!.fn;
    const t = a!.type;
    return (r) => toKustoString(f(r), t);
  } },
  toint: toInteger,
  tolong: toInteger,
  todouble: toReal,
  toreal: toReal,
  todecimal: toReal,
  tobool: converter(toBool),
  toboolean: converter(toBool),
  todatetime: converter((v, t) => (t === 'datetime' ? v : typeof v === 'string' ? parseDatetime(v) : null)),
  totimespan: converter((v, t) => (t === 'timespan' || typeof v === 'number' ? v : typeof v === 'string' ? parseTimespan(v) : null)),
  toguid: converter((v) => (typeof v === 'string' && /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(v.trim()) ? v.trim().toLowerCase() : null)),
  parse_json: converter(parseJson),
  todynamic: converter(parseJson),
};
