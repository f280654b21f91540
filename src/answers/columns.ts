/** Card text for one result row: generic formatting by type, plus what some column names mean. */
import { capitalize } from '../cards/format';
import type { ResultColumn } from '../domain/ports';
import { defuse, formatNumber, formatValue } from './format';

export type RawRow = Record<string, unknown>;

const capitalized = (v: unknown) => (typeof v === 'string' && v ? capitalize(v) : undefined);
const percent = (v: unknown) => (typeof v === 'number' ? `${formatNumber(v, 'real')}%` : undefined);

/** Formats by column name, shared by every answer (a name means the same thing in every catalog query). */
const BY_NAME: Record<string, (value: unknown, row: RawRow) => string | undefined> = {
  // Unknown zone tags count as Zone 3 (fail closed) and the card says so.
  Zone: (v, row) => (typeof v === 'number' ? `Zone ${v}${row.ZoneKnown === false ? ' (untagged)' : ''}` : undefined),
  Severity: capitalized,
  AlertSeverity: capitalized,
  RiskLevel: capitalized,
  PassRate: percent,
  HealthyPct: percent,
  Percentage: percent,
  Ratio: (v) => (typeof v === 'number' ? `${formatNumber(v, 'real')}×` : undefined),
  DaysOverdue: (v) => (typeof v === 'number' ? `${Math.floor(v)} d` : undefined),
  DaysToExpiry: (v) => (typeof v === 'number' ? (v < 0 ? 'expired' : `${Math.floor(v)} d`) : undefined),
  MinutesApart: (v) => (typeof v === 'number' ? `${Math.round(v)} min` : undefined),
};

/** Raw row arrays → objects keyed by column name (values untouched). */
export function rowObjects(columns: readonly ResultColumn[], rows: readonly unknown[][]): RawRow[] {
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c.name, r[i] ?? null])));
}

/** Every column of a row as display text, keyed by column name: what the card templates bind. */
export function formatRow(columns: readonly ResultColumn[], row: RawRow): Record<string, string> {
  return Object.fromEntries(
    columns.map((c) => {
      const value = row[c.name];
      const special = value === null || value === undefined ? undefined : BY_NAME[c.name]?.(value, row);
      return [c.name, special !== undefined ? defuse(special) : formatValue(value, c)];
    }),
  );
}
