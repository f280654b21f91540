/** String functions. */
import { toKustoString } from '../values';
import { binary, unary, variadic, type ScalarFunction } from './registry';

const regexCache = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    // Kusto uses RE2 syntax; JavaScript's covers the common subset.
    re = new RegExp(pattern);
    regexCache.set(pattern, re);
  }
  return re;
}

export const STRINGS: Record<string, ScalarFunction> = {
  strcat: variadic((values, types) => values.map((v, i) => toKustoString(v, types[i]!)).join('')),
  strcat_delim: variadic((values, types) => values.slice(1).map((v, i) => toKustoString(v, types[i + 1]!)).join(toKustoString(values[0], types[0]!))),
  strlen: unary((s: string) => [...s].length),
  tolower: unary((s: string) => s.toLowerCase()),
  toupper: unary((s: string) => s.toUpperCase()),
  trim_start: binary((re: string, s: string) => s.replace(new RegExp(`^(?:${re})+`), '')),
  trim_end: binary((re: string, s: string) => s.replace(new RegExp(`(?:${re})+$`), '')),
  trim: binary((re: string, s: string) => s.replace(new RegExp(`^(?:${re})+`), '').replace(new RegExp(`(?:${re})+$`), '')),
  substring: {
    compile([s, start, len]) {
      const fs = s!.fn;
      const fst = start!.fn;
      const fl = len?.fn;
      return (r) => {
        const v = fs(r) as string;
        const a = Math.max(0, Number(fst(r) ?? 0));
        const n = fl ? fl(r) : null;
        return n == null ? v.slice(a) : v.slice(a, a + Math.max(0, Number(n)));
      };
    },
  },
  indexof: binary((s: string, t: string) => s.indexOf(t)),
  replace_string: {
    compile([s, a, b]) {
      const fs = s!.fn;
      const fa = a!.fn;
      const fb = b!.fn;
      return (r) => (fs(r) as string).split(fa(r) as string).join(fb(r) as string);
    },
  },
  split: {
    compile([s, d, i]) {
      const fs = s!.fn;
      const fd = d!.fn;
      const fi = i?.fn;
      return (r) => {
        const parts = (fs(r) as string).split(fd(r) as string);
        if (!fi) return parts;
        const k = fi(r) as number | null;
        if (k == null) return null;
        const v = parts[k < 0 ? parts.length + k : k];
        return v === undefined ? [] : [v];
      };
    },
  },
  extract: {
    // extract(regex, group, text): "" when nothing matches (strings are never null).
    compile([re, group, text]) {
      const fre = re!.fn;
      const fg = group!.fn;
      const ft = text!.fn;
      return (r) => {
        const m = regex(fre(r) as string).exec(toKustoString(ft(r), text!.type));
        const v = m ? m[Number(fg(r))] : undefined;
        return v ?? '';
      };
    },
  },
};
