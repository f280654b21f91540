/** Result values → the short text a card or the CLI shows (values follow docs/conventions.md). */
import { formatUtc } from '../cards/format';
import type { ResultColumn } from '../domain/ports';

const MAX_TEXT = 300;

export function formatNumber(n: number, type: string): string {
  if (!Number.isFinite(n)) return String(n);
  if (type === 'real' || type === 'decimal') return n.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return n.toLocaleString('en-US');
}

/** Milliseconds → "3 d 4 h", "45 min", "12 s". */
export function formatTimespan(ms: number): string {
  const abs = Math.abs(ms);
  const sign = ms < 0 ? '-' : '';
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  if (d > 0) return `${sign}${d} d${h ? ` ${h} h` : ''}`;
  if (h > 0) return `${sign}${h} h${m ? ` ${m} min` : ''}`;
  if (m > 0) return `${sign}${m} min`;
  return `${sign}${Math.round(abs / 1000)} s`;
}

function formatDynamic(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('; ');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * Data is attacker-influenced (alert names, user agents): a literal "${" in a value would read as an unbound
 * template field and fail the card, so it gets a zero-width space.
 */
export function defuse(text: string): string {
  return text.replace(/\$\{/g, '$\u200b{');
}

function clip(text: string): string {
  return defuse(text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);
}

/** One cell as text; missing values are an em dash so a table never shows "null". */
export function formatValue(value: unknown, column: ResultColumn): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (column.type) {
    case 'datetime':
      return value instanceof Date ? formatUtc(value) : clip(String(value));
    case 'bool':
      return value ? 'yes' : 'no';
    case 'int':
    case 'long':
    case 'real':
    case 'decimal':
      return typeof value === 'number' ? formatNumber(value, column.type) : clip(String(value));
    case 'timespan':
      return typeof value === 'number' ? formatTimespan(value) : clip(String(value));
    case 'dynamic':
      return clip(formatDynamic(value));
    default:
      return clip(String(value));
  }
}

/** For JSON output: datetimes as ISO-8601 UTC strings, everything else as is. */
export function jsonValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}
