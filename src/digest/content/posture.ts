import { countChange, pointsChange, SECURE_SCORE_TARGET, type Change } from '../../domain/digest/metrics';
import type { DigestPeriod } from '../../domain/digest/period';
import { RESOURCE_KIND_LABELS } from '../../data/resource-kinds';
import type { Row } from '../gather';
import { countBy, day, lastWeek, num, text, thisWeek, time, ZONE_LIST, zoneLabel, zoneOf } from './common';

export interface ScoreSection {
  overall: number | null;
  target: number;
  byZone: { zone: string; score: number | null; gap: string }[];
  /** Defender's secure score over the subscriptions (secure_score): the only score with daily history. */
  defender: { percentage: number | null; change: Change };
}

const pct = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function gap(score: number | null): string {
  if (score === null) return 'no AI recommendations evaluated';
  const d = Math.round((score - SECURE_SCORE_TARGET) * 10) / 10;
  return d >= 0 ? `meets the ${SECURE_SCORE_TARGET}% target` : `${Math.abs(d)} pts below target`;
}

/** The latest daily value at or before an instant. */
function scoreAt(rows: readonly Row[], at: Date): number | null {
  const before = rows.filter((r) => (time(r.Day) ?? Infinity) < at.getTime()).sort((a, b) => (time(a.Day) ?? 0) - (time(b.Day) ?? 0));
  return before.length ? pct(before[before.length - 1]!.Percentage) : null;
}

/** AI secure score (healthy share of AI recommendations, exec_summary per zone) against the 80% target. */
export function scoreSection(summary: Record<'all' | 1 | 2 | 3, Row | undefined>, defenderRows: readonly Row[], p: DigestPeriod): ScoreSection {
  const byZone = ZONE_LIST.map((z) => {
    const score = pct(summary[z]?.HealthyPct);
    return { zone: zoneLabel(z), score, gap: gap(score) };
  });
  const now = scoreAt(defenderRows, p.end);
  return { overall: pct(summary.all?.HealthyPct), target: SECURE_SCORE_TARGET, byZone, defender: { percentage: now, change: pointsChange(now, scoreAt(defenderRows, p.start)) } };
}

export interface InventorySection {
  total: number;
  unknownZone: number;
  byType: { type: string; z1: number; z2: number; z3: number; total: number }[];
  /** Resources first seen this week (shadow AI); null when the inventory carries no creation time. */
  newResources: { name: string; type: string; zone: string; owner: string; created: string }[] | null;
  newChange: Change;
}

/** AI inventory by type and zone (inventory query); new resources need its CreatedAt column. */
export function inventorySection(rows: readonly Row[], p: DigestPeriod): InventorySection {
  const types = [...new Set(rows.map((r) => text(r.ResourceType)))].sort();
  const byType = types.map((t) => {
    const of = rows.filter((r) => text(r.ResourceType) === t);
    const z = countBy(of, (r) => String(zoneOf(r)));
    return { type: RESOURCE_KIND_LABELS[t] ?? t, z1: z.get('1') ?? 0, z2: z.get('2') ?? 0, z3: z.get('3') ?? 0, total: of.length };
  });
  const hasCreated = rows.some((r) => 'CreatedAt' in r);
  const fresh = rows.filter((r) => thisWeek(r.CreatedAt, p));
  const before = rows.filter((r) => lastWeek(r.CreatedAt, p));
  return {
    total: rows.length,
    unknownZone: rows.filter((r) => r.ZoneKnown === false).length,
    byType,
    newResources: hasCreated
      ? fresh.map((r) => ({
          name: text(r.ResourceName),
          type: RESOURCE_KIND_LABELS[text(r.ResourceType)] ?? text(r.ResourceType),
          zone: r.ZoneKnown === false ? `${zoneLabel(3)} (zone tag missing)` : zoneLabel(zoneOf(r)),
          owner: text(r.Owner) || 'no owner tag',
          created: day(time(r.CreatedAt)!),
        }))
      : null,
    newChange: hasCreated ? countChange(fresh.length, before.length) : countChange(0, null),
  };
}

export interface UsageSection {
  requests: number;
  callers: number;
  tokens: number;
  failed: number;
  throttled: number;
}

/** API usage of the ten busiest callers over the last 7 days (top_callers). */
export function usageSection(rows: readonly Row[]): UsageSection {
  const sum = (k: string) => rows.reduce((s, r) => s + num(r[k]), 0);
  return { requests: sum('Calls'), callers: rows.length, tokens: sum('TotalTokens'), failed: sum('FailedCalls'), throttled: sum('ThrottledCalls') };
}
