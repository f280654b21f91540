import { countChange, formatHours, median, type Change } from '../../domain/digest/metrics';
import type { DigestPeriod } from '../../domain/digest/period';
import type { Finding } from '../../domain/finding';
import type { Zone, ZonePolicy } from '../../domain/zones';
import type { RegisterDecision, Row } from '../gather';
import { DAY_MS, day, inPeriod, lastWeek, num, text, thisWeek, time, ZONE_LIST, zoneLabel, zoneOf } from './common';

const TOP = 5;

export interface RiskSection {
  openRecommendations: number;
  highRecommendations: number;
  newlyUnhealthy: Change;
  recommendations: { title: string; severity: string; resource: string; zone: string; owner: string; due: string }[];
  attackPathCount: number;
  criticalPaths: number;
  attackPaths: { title: string; risk: string; target: string; zone: string; entry: string }[];
}

/** Highest-severity open recommendations and unresolved attack paths to AI resources (already ranked by the queries). */
export function riskSection(recs: readonly Row[], paths: readonly Row[], p: DigestPeriod, zone?: Zone): RiskSection {
  const r = zone ? recs.filter((x) => zoneOf(x) === zone) : recs;
  const a = zone ? paths.filter((x) => zoneOf(x) === zone) : paths;
  return {
    openRecommendations: r.length,
    highRecommendations: r.filter((x) => text(x.Severity) === 'High').length,
    newlyUnhealthy: countChange(r.filter((x) => thisWeek(x.UnhealthySince, p)).length, r.filter((x) => lastWeek(x.UnhealthySince, p)).length),
    recommendations: r.slice(0, TOP).map((x) => ({
      title: text(x.Recommendation),
      severity: text(x.Severity),
      resource: text(x.ResourceName),
      zone: zoneLabel(zoneOf(x)),
      owner: text(x.Owner) || 'unassigned',
      due: time(x.DueDate) === null ? 'no due date' : `due ${day(time(x.DueDate)!)}`,
    })),
    attackPathCount: a.length,
    criticalPaths: a.filter((x) => text(x.RiskLevel) === 'Critical').length,
    attackPaths: a.slice(0, TOP).map((x) => ({ title: text(x.DisplayName), risk: text(x.RiskLevel), target: text(x.Target), zone: zoneLabel(zoneOf(x)), entry: text(x.EntryPoint) || 'unknown entry point' })),
  };
}

export interface SlaSection {
  breaches: number;
  breachChange: Change;
  byZone: { zone: string; breaches: number; dueThisWeek: number }[];
  dueThisWeek: number;
  velocity: { zone: string; remediated: number; median: string; withinSla: string }[] | null;
  velocityChange: Change;
}

/**
 * SLA breaches by zone (overdue), items due in the coming week (recommendations' governance due dates) and
 * remediation velocity: median time from first seen to resolved for findings resolved this week, each against
 * its zone's SLA for its severity. "Previous" breaches are the ones still open that were already overdue
 * when the period started (items resolved since are gone from the query).
 */
export function slaSection(overdue: readonly Row[], recs: readonly Row[], resolved: readonly Finding[] | null, policies: Record<Zone, ZonePolicy>, p: DigestPeriod): SlaSection {
  const weekAhead = (x: Row) => inPeriod(x.DueDate, p.end, new Date(p.end.getTime() + 7 * DAY_MS));
  const byZone = ZONE_LIST.map((z) => ({
    zone: zoneLabel(z),
    breaches: overdue.filter((x) => zoneOf(x) === z).length,
    dueThisWeek: recs.filter((x) => zoneOf(x) === z && weekAhead(x)).length,
  }));
  const previousBreaches = overdue.filter((x) => (time(x.DueDate) ?? Infinity) < p.start.getTime()).length;
  const fixedIn = (from: Date, to: Date) => (resolved ?? []).filter((f) => f.lastSeen >= from && f.lastSeen < to);
  const hours = (f: Finding) => (f.lastSeen.getTime() - f.firstSeen.getTime()) / 3_600_000;
  const velocity = resolved
    ? ZONE_LIST.map((z) => {
        const items = fixedIn(p.start, p.end).filter((f) => f.resource.zone === z);
        const within = items.filter((f) => hours(f) <= policies[z].remediationSlaHours[f.severity]).length;
        const m = median(items.map(hours));
        return {
          zone: zoneLabel(z),
          remediated: items.length,
          median: formatHours(m),
          withinSla: items.length ? `${Math.round((within / items.length) * 100)}% within SLA` : 'no remediations',
        };
      })
    : null;
  return {
    breaches: overdue.length,
    breachChange: countChange(overdue.length, previousBreaches),
    byZone,
    dueThisWeek: byZone.reduce((s, z) => s + z.dueThisWeek, 0),
    velocity,
    velocityChange: resolved ? countChange(fixedIn(p.start, p.end).length, fixedIn(p.previousStart, p.start).length) : countChange(0, null),
  };
}

export interface RegisterSection {
  /** Risk acceptances that took effect this week (WoW); null without a decision register. */
  granted: Change | null;
  /** Findings reopened this week (expired acceptance or `reopen`). */
  reopened: Change | null;
  inForce: number;
  riskAccepted: number;
  compensating: number;
  expiringSoon: number;
  expired: number;
  expiring: { resource: string; summary: string; expires: string; zone: string }[];
}

/** The risk register (policy exemptions, risk_register): in force, expiring within 30 days, expired. */
export function registerSection(rows: readonly Row[], decisions: readonly RegisterDecision[] | null, p: DigestPeriod): RegisterSection {
  const status = (v: unknown) => (v && typeof v === 'object' ? String((v as { status?: unknown }).status ?? '') : '');
  const isGrant = (d: RegisterDecision) => status(d.after) === 'risk_accepted' && status(d.before) !== 'risk_accepted';
  const isReopen = (d: RegisterDecision) => d.verb === 'reopen' || (status(d.after) === 'open' && ['risk_accepted', 'mitigated'].includes(status(d.before)));
  const weekly = (pred: (d: RegisterDecision) => boolean) =>
    decisions ? countChange(decisions.filter((d) => pred(d) && thisWeek(d.at, p)).length, decisions.filter((d) => pred(d) && lastWeek(d.at, p)).length) : null;
  const live = rows.filter((r) => r.Expired !== true);
  const soon = live.filter((r) => num(r.DaysToExpiry) <= 30);
  return {
    granted: weekly(isGrant),
    reopened: weekly(isReopen),
    inForce: live.length,
    riskAccepted: live.filter((r) => text(r.Category) === 'Waiver').length,
    compensating: live.filter((r) => text(r.Category) === 'Mitigated').length,
    expiringSoon: soon.length,
    expired: rows.length - live.length,
    expiring: [...soon, ...rows.filter((r) => r.Expired === true)].slice(0, 5).map((r) => ({
      resource: text(r.ResourceName),
      summary: text(r.Summary),
      expires: r.Expired === true ? `expired ${day(time(r.ExpiresOn)!)}` : `expires ${day(time(r.ExpiresOn)!)}`,
      zone: zoneLabel(zoneOf(r)),
    })),
  };
}

export interface ComplianceSection {
  standards: { standard: string; passRate: string; passed: number; failed: number }[];
}

export function complianceSection(rows: readonly Row[]): ComplianceSection {
  return {
    standards: rows.map((r) => ({
      standard: text(r.Standard),
      passRate: typeof r.PassRate === 'number' ? `${r.PassRate}%` : 'n/a',
      passed: num(r.PassedControls),
      failed: num(r.FailedControls),
    })),
  };
}
