/** Numeric functions: round, floor/bin on numbers are in datetime.ts (shared with datetimes), abs, log... */
import { binary, unary, type ScalarFunction } from './registry';

/** Kusto rounds half away from zero. */
export function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const scaled = Number(`${Math.abs(x)}e${digits}`);
  return sign * Number(`${Math.round(scaled)}e${-digits}`);
}

export const MATH: Record<string, ScalarFunction> = {
  round: {
    compile([x, d]) {
      const fx = x!.fn;
      const fd = d?.fn;
      return (r) => {
        const v = fx(r) as number | null;
        if (v == null) return null;
        const digits = fd ? Number(fd(r) ?? 0) : 0;
        return roundTo(v, digits);
      };
    },
  },
  abs: unary((x: number) => Math.abs(x)),
  sqrt: unary((x: number) => Math.sqrt(x)),
  log: unary((x: number) => Math.log(x)),
  log10: unary((x: number) => Math.log10(x)),
  exp: unary((x: number) => Math.exp(x)),
  pow: binary((x: number, y: number) => x ** y),
  ceiling: unary((x: number) => Math.ceil(x)),
  isnan: { compile: ([a]) => { const f = a!.fn; return (r) => Number.isNaN(f(r)); } },
  max_of: { compile: (args) => { const fns = args.map((a) => a.fn); return (r) => extreme(fns.map((f) => f(r)), 1); } },
  min_of: { compile: (args) => { const fns = args.map((a) => a.fn); return (r) => extreme(fns.map((f) => f(r)), -1); } },
};

function extreme(values: unknown[], sign: number): unknown {
  let best: unknown = null;
  for (const v of values) if (v != null && (best === null || ((v as number) > (best as number) ? 1 : -1) === sign)) best = v;
  return best;
}
