/** Pure figures of the committee digest: week-over-week change, secure score, remediation velocity. */

export interface Change {
  current: number;
  /** null when the previous period cannot be known (no data for it). */
  previous: number | null;
  /** "▲ 12% WoW", "▼ 3 pts WoW", "new", "no change", "n/a". */
  text: string;
  /** For colouring: up / down / flat, and whether that direction is good news for this figure. */
  direction: 'up' | 'down' | 'flat' | 'none';
}

/**
 * Relative week-over-week change of a count. A zero previous week has no ratio: it reads "new" when the
 * current week has any, "no change" when both are zero. An unknown previous week reads "n/a".
 */
export function countChange(current: number, previous: number | null): Change {
  if (previous === null) return { current, previous, text: 'n/a', direction: 'none' };
  if (previous === 0) {
    return current === 0 ? { current, previous, text: 'no change', direction: 'flat' } : { current, previous, text: 'new', direction: 'up' };
  }
  const pct = Math.round(((current - previous) / previous) * 100);
  if (pct === 0 && current === previous) return { current, previous, text: 'no change', direction: 'flat' };
  const direction = current > previous ? 'up' : current < previous ? 'down' : 'flat';
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '';
  return { current, previous, text: `${arrow} ${Math.abs(pct)}% WoW`.trim(), direction };
}

/** Change of a percentage in percentage points ("▲ 4 pts WoW"): ratios of ratios mislead. */
export function pointsChange(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { current: current ?? 0, previous, text: 'n/a', direction: 'none' };
  const delta = Math.round(current - previous);
  if (delta === 0) return { current, previous, text: 'no change', direction: 'flat' };
  return { current, previous, text: `${delta > 0 ? '▲' : '▼'} ${Math.abs(delta)} pts WoW`, direction: delta > 0 ? 'up' : 'down' };
}

/** Healthy share of evaluated AI recommendations, in whole percent; null when nothing was evaluated. */
export function securePercent(healthy: number, unhealthy: number): number | null {
  const total = healthy + unhealthy;
  return total === 0 ? null : Math.round((healthy / total) * 100);
}

export const SECURE_SCORE_TARGET = 80;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Velocity {
  /** Items remediated in the period. */
  remediated: number;
  medianHours: number | null;
  slaHours: number;
  /** "within SLA" / "over SLA" / "no remediations". */
  verdict: 'within' | 'over' | 'none';
}

/** Median time to remediate against a zone's SLA (hours). */
export function velocity(durationsHours: readonly number[], slaHours: number): Velocity {
  const m = median(durationsHours);
  return { remediated: durationsHours.length, medianHours: m, slaHours, verdict: m === null ? 'none' : m <= slaHours ? 'within' : 'over' };
}

/** "3 d 4 h" / "18 h": durations the way people read them. */
export function formatHours(hours: number | null): string {
  if (hours === null) return 'n/a';
  const h = Math.round(hours);
  if (h < 48) return `${h} h`;
  const d = Math.floor(h / 24);
  const rest = h % 24;
  return rest ? `${d} d ${rest} h` : `${d} d`;
}
