/** Turning compiled expressions into values stored in output rows. */
import type { Compiled, Fn } from '../context';
import { toMs } from '../../values';

/** A function giving the row-representation value (datetime → Date); plain column references copy as is. */
export function storer(c: Compiled): Fn {
  if (c.column !== undefined) {
    const name = c.column;
    return (r) => {
      const v = r[name];
      return v === undefined ? null : v;
    };
  }
  const f = c.fn;
  if (c.type === 'datetime') {
    return (r) => {
      const v = f(r);
      return typeof v === 'number' ? new Date(v) : null;
    };
  }
  return f;
}

/** Internal value (datetime ms) → row value. */
export function toStored(v: unknown, type: string): unknown {
  if (v === undefined || v === null) return null;
  if (type === 'datetime') return typeof v === 'number' ? new Date(v) : v instanceof Date ? v : msOrNull(v);
  return v;
}

function msOrNull(v: unknown): Date | null {
  const ms = toMs(v);
  return ms === null ? null : new Date(ms);
}
