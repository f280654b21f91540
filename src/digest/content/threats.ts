import { countChange, type Change } from '../../domain/digest/metrics';
import type { DigestPeriod } from '../../domain/digest/period';
import type { Row } from '../gather';
import { DAY_MS, day, lastWeek, num, text, thisWeek, time } from './common';

const SEVERITIES = ['High', 'Medium', 'Low'] as const;

export interface ThreatSection {
  total: number;
  change: Change;
  bySeverity: { severity: string; count: number; change: Change }[];
  /** Chart.Line series: alerts per UTC day over the trend window, one line per severity. */
  series: { legend: string; values: { x: string; y: number }[] }[];
  trendDays: number;
}

/** Defender for AI alerts per day (alert_trend) → the 30-day trend and this week against last week. */
export function threatSection(rows: readonly Row[], p: DigestPeriod, trendDays: number): ThreatSection {
  const lastDay = Math.floor((p.end.getTime() - 1) / DAY_MS) * DAY_MS;
  const days = Array.from({ length: trendDays }, (_, i) => lastDay - (trendDays - 1 - i) * DAY_MS);
  const count = (sev: string, pred: (r: Row) => boolean) => rows.filter((r) => text(r.Severity) === sev && pred(r)).reduce((s, r) => s + num(r.Alerts), 0);
  const bySeverity = SEVERITIES.map((severity) => {
    const c = count(severity, (r) => thisWeek(r.Day, p));
    return { severity, count: c, change: countChange(c, count(severity, (r) => lastWeek(r.Day, p))) };
  });
  const total = bySeverity.reduce((s, x) => s + x.count, 0);
  const previous = SEVERITIES.reduce((s, sev) => s + count(sev, (r) => lastWeek(r.Day, p)), 0);
  const series = SEVERITIES.map((severity) => ({
    legend: severity,
    values: days.map((d) => ({ x: day(d).slice(5), y: rows.filter((r) => text(r.Severity) === severity && time(r.Day) === d).reduce((s, r) => s + num(r.Alerts), 0) })),
  }));
  return { total, change: countChange(total, previous), bySeverity, series, trendDays };
}
