import type { DigestPeriod } from '../../domain/digest/period';
import { ZONE_NAMES, type Zone } from '../../domain/zones';
import type { Row } from '../gather';

export const ZONE_LIST: readonly Zone[] = [1, 2, 3];
export const DAY_MS = 86_400_000;

export const zoneLabel = (z: number): string => `Zone ${z} · ${ZONE_NAMES[z as Zone] ?? 'Regulated'}`;
export const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
export const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
export const time = (v: unknown): number | null => (v instanceof Date ? v.getTime() : typeof v === 'string' && v ? Date.parse(v) : null);

/** "2025-06-16" (UTC): dates on the card are days, not instants. */
export const day = (t: number | Date): string => new Date(t).toISOString().slice(0, 10);

export function inPeriod(v: unknown, from: Date, to: Date): boolean {
  const t = time(v);
  return t !== null && t >= from.getTime() && t < to.getTime();
}

export const thisWeek = (v: unknown, p: DigestPeriod): boolean => inPeriod(v, p.start, p.end);
export const lastWeek = (v: unknown, p: DigestPeriod): boolean => inPeriod(v, p.previousStart, p.start);

export function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}

export const zoneOf = (r: Row): Zone => (num(r.Zone) === 1 || num(r.Zone) === 2 ? (num(r.Zone) as Zone) : 3);
export const thousands = (n: number): string => n.toLocaleString('en-US');
