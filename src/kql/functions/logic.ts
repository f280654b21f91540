/** iff/iif, case, coalesce, isnull/isnotnull, isempty/isnotempty, not. */
import type { Fn } from '../compile/context';
import type { ScalarFunction } from './registry';

const iff: ScalarFunction = {
  compile([c, a, b]) {
    const fc = c!.fn;
    const fa = a!.fn;
    const fb = b!.fn;
    return (r) => (fc(r) === true ? fa(r) : fb(r));
  },
};

export const LOGIC: Record<string, ScalarFunction> = {
  iff,
  iif: iff,
  case: {
    compile(args) {
      const fns = args.map((a) => a.fn);
      const last = fns[fns.length - 1]!;
      return (r) => {
        for (let i = 0; i + 1 < fns.length; i += 2) if (fns[i]!(r) === true) return fns[i + 1]!(r);
        return last(r);
      };
    },
  },
  coalesce: {
    // The first non-null value (non-empty for strings).
    compile(args) {
      const fns = args.map((a) => a.fn);
      return (r) => {
        for (const f of fns) {
          const v = f(r);
          if (v != null && v !== '') return v;
        }
        return args[0]!.type === 'string' ? '' : null;
      };
    },
  },
  isnull: { compile: ([a]) => nullTest(a!.fn, true) },
  isnotnull: { compile: ([a]) => nullTest(a!.fn, false) },
  isempty: { compile: ([a]) => emptyTest(a!.fn, true) },
  isnotempty: { compile: ([a]) => emptyTest(a!.fn, false) },
  not: {
    compile([a]) {
      const f = a!.fn;
      return (r) => {
        const v = f(r);
        return v == null ? null : !v;
      };
    },
  },
};

function nullTest(f: Fn, want: boolean): Fn {
  return (r) => (f(r) == null) === want;
}

function emptyTest(f: Fn, want: boolean): Fn {
  return (r) => {
    const v = f(r);
    return (v == null || v === '') === want;
  };
}

