import type { ResultColumn } from '../../domain/ports';

/**
 * Converts one cell from an Azure answer to the value convention of docs/conventions.md. The SDKs already turn
 * some types into JS values (LogsQueryClient parses datetime and dynamic; Resource Graph sends objects as JSON),
 * others arrive as text (long and decimal may be strings to keep precision, timespan is "d.hh:mm:ss.fffffff").
 */
export function toConventionValue(type: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'int':
    case 'long':
    case 'real':
    case 'decimal':
      return typeof value === 'number' ? value : Number(value);
    case 'bool':
      return typeof value === 'boolean' ? value : String(value).toLowerCase() === 'true';
    case 'datetime':
      return value instanceof Date ? value : new Date(String(value));
    case 'timespan':
      return typeof value === 'number' ? value : timespanToMs(String(value));
    case 'dynamic':
      // Already parsed by the SDK: parsing again would turn the dynamic string "123" into a number.
      return value;
    default:
      // string, guid and anything unknown stay text.
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** Converts every row of a table; rows are copied, never mutated. */
export function convertRows(columns: ResultColumn[], rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((row) => columns.map((c, i) => toConventionValue(c.type, row[i])));
}

const TIMESPAN = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;

/** Kusto/.NET timespan text ("00:05:00", "1.02:03:04.5", "-00:00:01") → milliseconds. */
export function timespanToMs(text: string): number {
  const m = TIMESPAN.exec(text.trim());
  if (!m) return Number.NaN;
  const [, sign, days, h, min, s, frac] = m;
  const ms =
    ((Number(days ?? 0) * 24 + Number(h)) * 60 + Number(min)) * 60_000 +
    Number(s) * 1000 +
    (frac ? Number(frac.padEnd(7, '0')) / 10_000 : 0); // 100 ns ticks → ms
  return sign ? -ms : ms;
}
