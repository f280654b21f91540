/**
 * Aggregation functions for summarize. State lives per group; step returns the new state so numeric states
 * need no boxing. Nulls are ignored (null values page); empty-input defaults: 0 for counts and sums,
 * [] for make_list/make_set, null otherwise (summarize operator page).
 */
import type { Compiled, Fn } from '../compile/context';
import { compareNonNull, keyPart, toDynamic } from '../values';

export interface Aggregator {
  init(): unknown;
  step(state: unknown, row: Record<string, unknown>): unknown;
  /** Internal representation (datetime ms). */
  finish(state: unknown): unknown;
}

export type AggregateFactory = (args: Compiled[]) => Aggregator;

function limitOf(arg: Compiled | undefined): number {
  const v = arg ? Number(arg.fn({})) : NaN;
  return Number.isFinite(v) && v > 0 ? v : 1_048_576;
}

const count: AggregateFactory = () => ({ init: () => 0, step: (s) => (s as number) + 1, finish: (s) => s });

const countif: AggregateFactory = ([p]) => {
  const pred = p!.fn;
  return { init: () => 0, step: (s, r) => (pred(r) === true ? (s as number) + 1 : s), finish: (s) => s };
};

function sumOf(value: Fn, pred: Fn | null): Aggregator {
  return {
    init: () => 0,
    step: (s, r) => {
      if (pred && pred(r) !== true) return s;
      const v = value(r);
      return typeof v === 'number' ? (s as number) + v : s;
    },
    finish: (s) => s,
  };
}

function avgOf(value: Fn, pred: Fn | null): Aggregator {
  return {
    init: () => ({ sum: 0, n: 0 }),
    step: (s, r) => {
      if (pred && pred(r) !== true) return s;
      const v = value(r);
      if (typeof v === 'number') {
        const a = s as { sum: number; n: number };
        a.sum += v;
        a.n++;
      }
      return s;
    },
    finish: (s) => {
      const a = s as { sum: number; n: number };
      return a.n === 0 ? null : a.sum / a.n;
    },
  };
}

function extremeOf(value: Fn, pred: Fn | null, sign: 1 | -1): Aggregator {
  return {
    init: () => null,
    step: (s, r) => {
      if (pred && pred(r) !== true) return s;
      const v = value(r);
      if (v == null || (typeof v === 'number' && Number.isNaN(v))) return s;
      return s === null || compareNonNull(v, s) * sign > 0 ? v : s;
    },
    finish: (s) => s,
  };
}

function dcountOf(value: Fn, pred: Fn | null): Aggregator {
  return {
    init: () => new Set<unknown>(),
    step: (s, r) => {
      if (pred && pred(r) !== true) return s;
      const v = value(r);
      if (v != null) (s as Set<unknown>).add(keyPart(v));
      return s;
    },
    finish: (s) => (s as Set<unknown>).size,
  };
}

function listOf(arg: Compiled, pred: Fn | null, limit: number, distinct: boolean): Aggregator {
  const value = arg.fn;
  const type = arg.type;
  return {
    init: () => (distinct ? new Map<unknown, unknown>() : []),
    step: (s, r) => {
      if (pred && pred(r) !== true) return s;
      const v = value(r);
      if (v == null) return s;
      if (distinct) {
        const m = s as Map<unknown, unknown>;
        // make_set adds the elements of an array value, not the array itself.
        for (const item of type === 'dynamic' && Array.isArray(v) ? v : [v]) {
          if (m.size >= limit) break;
          const k = keyPart(item);
          if (!m.has(k)) m.set(k, toDynamic(item, type));
        }
      } else {
        const a = s as unknown[];
        if (a.length < limit) a.push(toDynamic(v, type));
      }
      return s;
    },
    finish: (s) => (distinct ? [...(s as Map<unknown, unknown>).values()] : s),
  };
}

function percentileOf(value: Fn, p: number): Aggregator {
  return {
    init: () => [] as number[],
    step: (s, r) => {
      const v = value(r);
      if (typeof v === 'number' && !Number.isNaN(v)) (s as number[]).push(v);
      return s;
    },
    finish: (s) => {
      const a = (s as number[]).sort((x, y) => x - y);
      if (a.length === 0) return null;
      // Nearest-rank: the smallest value with at least p% of the population at or below it.
      const rank = Math.max(1, Math.ceil((p / 100) * a.length));
      return a[Math.min(rank, a.length) - 1];
    },
  };
}

/** make_bag: merges property bags (the first value of a key wins, non-bags are ignored). */
function bagOf(value: Fn, pred: Fn | null, limit: number): Aggregator {
  return {
    init: () => ({}) as Record<string, unknown>,
    step: (s, r) => {
      if (pred && pred(r) !== true) return s;
      const v = value(r);
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return s;
      const bag = s as Record<string, unknown>;
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (Object.keys(bag).length >= limit) break;
        if (!(k in bag)) bag[k] = x;
      }
      return s;
    },
    finish: (s) => s,
  };
}

function anyOf(value: Fn): Aggregator {
  return {
    init: () => null,
    step: (s, r) => (s !== null ? s : value(r) ?? null),
    finish: (s) => s,
  };
}

export const AGGREGATES: Record<string, AggregateFactory> = {
  count: (args) => {
    if (args.length > 0) {
      const v = args[0]!.fn;
      return { init: () => 0, step: (s, r) => (v(r) != null ? (s as number) + 1 : s), finish: (s) => s };
    }
    return count([]);
  },
  countif,
  sum: ([v]) => sumOf(v!.fn, null),
  sumif: ([v, p]) => sumOf(v!.fn, p!.fn),
  avg: ([v]) => avgOf(v!.fn, null),
  avgif: ([v, p]) => avgOf(v!.fn, p!.fn),
  min: ([v]) => extremeOf(v!.fn, null, -1),
  max: ([v]) => extremeOf(v!.fn, null, 1),
  minif: ([v, p]) => extremeOf(v!.fn, p!.fn, -1),
  maxif: ([v, p]) => extremeOf(v!.fn, p!.fn, 1),
  dcount: ([v]) => dcountOf(v!.fn, null),
  dcountif: ([v, p]) => dcountOf(v!.fn, p!.fn),
  count_distinct: ([v]) => dcountOf(v!.fn, null),
  make_list: ([v, max]) => listOf(v!, null, limitOf(max), false),
  make_list_if: ([v, p, max]) => listOf(v!, p!.fn, limitOf(max), false),
  make_set: ([v, max]) => listOf(v!, null, limitOf(max), true),
  make_set_if: ([v, p, max]) => listOf(v!, p!.fn, limitOf(max), true),
  make_bag: ([v, max]) => bagOf(v!.fn, null, limitOf(max)),
  make_bag_if: ([v, p, max]) => bagOf(v!.fn, p!.fn, limitOf(max)),
  percentile: ([v, p]) => percentileOf(v!.fn, Number(p!.fn({}))),
  take_any: ([v]) => anyOf(v!.fn),
  any: ([v]) => anyOf(v!.fn),
};
