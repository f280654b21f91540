/**
 * Value conversions between the row representation (docs/conventions.md: datetime → Date, timespan → ms)
 * and the engine's internal one, where a datetime is a number of ms since the Unix epoch so that
 * comparisons and arithmetic need no allocation.
 */

export const MS_PER_DAY = 86_400_000;
/** ms from 0001-01-01 (Kusto's DateTime origin) to 1970-01-01: bins on datetimes align to it, as in Kusto. */
export const MS_0001_TO_1970 = 62_135_596_800_000;

/** Row value of a datetime column → ms (accepts Date, ISO string or ms number). */
export function toMs(v: unknown): number | null {
  if (v == null) return null;
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? null : t;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return parseDatetime(v);
  return null;
}

/** Parses the datetime text forms Kusto accepts most often (ISO 8601, with or without zone; RFC 1123). UTC unless a zone is given. */
export function parseDatetime(s: string): number | null {
  let t = s.trim();
  if (t === '' || t === 'null') return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (iso) {
    const [, y, mo, d, h, mi, se, frac, zone] = iso;
    let ms = Date.UTC(+y!, +mo! - 1, +d!, +(h ?? 0), +(mi ?? 0), +(se ?? 0));
    // Date.UTC maps years 0-99 to 1900+; Kusto years are literal.
    if (+y! < 100) ms = new Date(ms).setUTCFullYear(+y!);
    if (frac) ms += Math.floor(Number(`0.${frac}`) * 1000 * 1e4) / 1e4;
    if (zone && zone.toUpperCase() !== 'Z') {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      ms -= sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
    }
    return ms;
  }
  if (!/[a-z]/i.test(t)) return null;
  if (!/(gmt|utc|z|[+-]\d{4})$/i.test(t)) t += ' GMT';
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : ms;
}

export function msToDate(ms: unknown): Date | null {
  return typeof ms === 'number' ? new Date(ms) : null;
}

/** Kusto's `tostring(datetime)`: ISO 8601 with a 7-digit fraction only when non-zero. */
export function formatDatetimeIso(ms: number): string {
  const iso = new Date(ms).toISOString();
  const frac = ms - Math.floor(ms / 1000) * 1000;
  return frac === 0 ? `${iso.slice(0, 19)}Z` : `${iso.slice(0, 19)}.${String(Math.round(frac * 1e4)).padStart(7, '0')}Z`;
}

/** Kusto's timespan text: [-][d.]hh:mm:ss[.fffffff]. */
export function formatTimespan(ms: number): string {
  const neg = ms < 0;
  let rest = Math.abs(ms);
  const days = Math.floor(rest / MS_PER_DAY);
  rest -= days * MS_PER_DAY;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  const frac = Math.round((rest - s * 1000) * 1e4);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${neg ? '-' : ''}${days ? `${days}.` : ''}${p2(h)}:${p2(m)}:${p2(s)}${frac ? `.${String(frac).padStart(7, '0')}` : ''}`;
}

/** Parses `[-][d.]hh:mm[:ss[.fffffff]]` or a unit literal (`2h`, `1.5d`, `100ms`) to ms. */
export function parseTimespan(text: string): number | null {
  const t = text.trim();
  const unit = /^([+-]?\d+(?:\.\d+)?)\s*(d|day|days|h|hr|hrs|hour|hours|m|min|minute|minutes|s|sec|second|seconds|ms|milli|millis|millisecond|milliseconds|microsecond|microseconds|tick|ticks)$/i.exec(t);
  if (unit) return Number(unit[1]) * UNIT_MS[unit[2]!.toLowerCase()]!;
  const clock = /^([+-])?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/.exec(t);
  if (clock) {
    const [, sign, d, h, m, s, frac] = clock;
    const ms = (+(d ?? 0) * 24 + +h!) * 3_600_000 + +m! * 60_000 + +(s ?? 0) * 1000 + (frac ? Number(`0.${frac}`) * 1000 : 0);
    return sign === '-' ? -ms : ms;
  }
  return null;
}

const UNIT_MS: Record<string, number> = {
  d: MS_PER_DAY, day: MS_PER_DAY, days: MS_PER_DAY,
  h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  m: 60_000, min: 60_000, minute: 60_000, minutes: 60_000,
  s: 1000, sec: 1000, second: 1000, seconds: 1000,
  ms: 1, milli: 1, millis: 1, millisecond: 1, milliseconds: 1,
  microsecond: 0.001, microseconds: 0.001, tick: 0.0001, ticks: 0.0001,
};

/** A scalar placed inside a dynamic value (bag_pack, make_list, ...) becomes its JSON form. */
export function toDynamic(v: unknown, type: string): unknown {
  if (v == null) return null;
  if (type === 'datetime') return formatDatetimeIso(v as number);
  if (type === 'timespan') return formatTimespan(v as number);
  return v;
}

/** Kusto's `tostring()`. */
export function toKustoString(v: unknown, type: string): string {
  if (v == null) return '';
  switch (type) {
    case 'string':
      return v as string;
    case 'datetime':
      return formatDatetimeIso(v as number);
    case 'timespan':
      return formatTimespan(v as number);
    case 'dynamic':
      return typeof v === 'string' ? v : JSON.stringify(v);
    default:
      return String(v);
  }
}

/** A Map key for one value: datetimes are already ms; dynamic values compare by their JSON text. */
export function keyPart(v: unknown): unknown {
  if (v === undefined) return null;
  if (v !== null && typeof v === 'object') return v instanceof Date ? v.getTime() : `\u0002${JSON.stringify(v)}`;
  return v;
}

/** A composite key for several values, distinguishing null from the string "null". */
export function compositeKey(values: readonly unknown[]): string {
  let key = '';
  for (let i = 0; i < values.length; i++) {
    const v = keyPart(values[i]);
    key += v === null ? '\u0000' : typeof v === 'string' ? `s${v}` : `${typeof v}${v as number}`;
    key += '\u0001';
  }
  return key;
}

/** Ordering of two non-null values of the same Kusto type (ordinal for strings). */
export function compareNonNull(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return (a ? 1 : 0) - (b ? 1 : 0);
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
