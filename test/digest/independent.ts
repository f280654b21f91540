/**
 * The digest's figures computed straight from the simulated tenant's rows in plain JS, without the KQL engine
 * or the catalog, so the digest test checks every figure against a second derivation.
 */
import type { SimulatedTenant } from '../../src/sim';

type R = Record<string, unknown>;
const AI_TYPES = ['microsoft.cognitiveservices/accounts', 'microsoft.machinelearningservices/workspaces', 'microsoft.search/searchservices', 'microsoft.security/securityconnectors/securityentitydata'];
const DAY = 86_400_000;

export interface Independent {
  resources: number;
  unknownZone: number;
  zoneOf(resourceId: string): number | undefined;
  alerts: { thisWeek: Record<string, number>; lastWeek: Record<string, number> };
  healthyPct: Record<'all' | 1 | 2 | 3, number | null>;
  openRecommendations: number;
  highRecommendations: number;
  overdueByZone: Record<1 | 2 | 3, number>;
  attackPaths: number;
  criticalPaths: number;
  register: { inForce: number; expiringSoon: number; expired: number };
  topCallerRequests: number;
  topCallerTokens: number;
}

export function computeIndependently(t: SimulatedTenant, end: Date, zoneTag = 'governance-zone'): Independent {
  const now = t.now.getTime();
  const ai = (t.tables.resources as R[]).filter((r) => AI_TYPES.includes(String(r.type)));
  const zones = new Map<string, number>();
  let unknownZone = 0;
  for (const r of ai) {
    const tag = String(((r.tags ?? {}) as R)[zoneTag] ?? '');
    const known = ['1', '2', '3'].includes(tag);
    if (!known) unknownZone++;
    zones.set(String(r.id).toLowerCase(), known ? Number(tag) : 3);
  }
  const zoneOf = (id: string) => zones.get(id.toLowerCase());

  // Alerts: first record per SystemAlertId, bucketed by UTC day; a day counts in the week its midnight falls in.
  const first = new Map<string, R>();
  for (const a of t.tables.SecurityAlert as R[]) {
    if (!String(a.AlertType).startsWith('AI.')) continue;
    const prev = first.get(String(a.SystemAlertId));
    if (!prev || (a.TimeGenerated as Date) < (prev.TimeGenerated as Date)) first.set(String(a.SystemAlertId), a);
  }
  const thisWeek: Record<string, number> = {};
  const lastWeek: Record<string, number> = {};
  for (const a of first.values()) {
    const tg = (a.TimeGenerated as Date).getTime();
    if (tg <= now - 30 * DAY) continue;
    const dayStart = Math.floor(tg / DAY) * DAY;
    const sev = String(a.AlertSeverity);
    if (dayStart >= end.getTime() - 7 * DAY && dayStart < end.getTime()) thisWeek[sev] = (thisWeek[sev] ?? 0) + 1;
    else if (dayStart >= end.getTime() - 14 * DAY && dayStart < end.getTime() - 7 * DAY) lastWeek[sev] = (lastWeek[sev] ?? 0) + 1;
  }

  const sr = t.tables.securityresources as R[];
  const assessments = sr.filter((r) => r.type === 'microsoft.security/assessments').map((r) => {
    const p = r.properties as { status: { code: string }; resourceDetails: { Id: string }; metadata: { severity: string } };
    return { id: String(r.id).toLowerCase(), code: p.status.code, severity: p.metadata.severity, zone: zoneOf(p.resourceDetails.Id) };
  }).filter((a) => a.zone !== undefined);
  const pct = (z?: number) => {
    const of = assessments.filter((a) => (z === undefined || a.zone === z) && (a.code === 'Healthy' || a.code === 'Unhealthy'));
    return of.length ? Math.round((1000 * of.filter((a) => a.code === 'Healthy').length) / of.length) / 10 : null;
  };
  const unhealthy = assessments.filter((a) => a.code === 'Unhealthy');
  const due = new Map<string, number>();
  for (const g of sr.filter((r) => r.type === 'microsoft.security/assessments/governanceassignments')) {
    const p = g.properties as { assignedResourceId: string; remediationDueDate: string };
    due.set(p.assignedResourceId.toLowerCase(), Date.parse(p.remediationDueDate));
  }
  const overdueByZone = { 1: 0, 2: 0, 3: 0 } as Record<1 | 2 | 3, number>;
  for (const a of unhealthy) if ((due.get(a.id) ?? Infinity) < now) overdueByZone[a.zone as 1 | 2 | 3]++;

  const paths = sr.filter((r) => r.type === 'microsoft.security/attackpaths');
  const exemptions = (t.tables.policyresources as R[]).filter((r) => r.type === 'microsoft.authorization/policyexemptions').filter((r) => {
    const scope = String(r.id).toLowerCase().split('/providers/microsoft.authorization/policyexemptions/')[0]!;
    return zoneOf(scope) !== undefined;
  });
  const expires = exemptions.map((e) => Date.parse(String((e.properties as R).expiresOn)));

  const calls = new Map<string, { calls: number; tokens: number }>();
  for (const d of t.tables.AzureDiagnostics as R[]) {
    if ((d.TimeGenerated as Date).getTime() <= now - 7 * DAY || d.ResourceProvider !== 'MICROSOFT.COGNITIVESERVICES' || d.Category !== 'RequestResponse') continue;
    const c = calls.get(String(d.CallerIPAddress)) ?? { calls: 0, tokens: 0 };
    c.calls++;
    c.tokens += Number(JSON.parse(String(d.properties_s)).totalTokens ?? 0);
    calls.set(String(d.CallerIPAddress), c);
  }
  const top = [...calls.values()].sort((a, b) => b.calls - a.calls).slice(0, 10);

  return {
    resources: ai.length,
    unknownZone,
    zoneOf,
    alerts: { thisWeek, lastWeek },
    healthyPct: { all: pct(), 1: pct(1), 2: pct(2), 3: pct(3) },
    openRecommendations: unhealthy.length,
    highRecommendations: unhealthy.filter((a) => a.severity === 'High').length,
    overdueByZone,
    attackPaths: paths.length,
    criticalPaths: paths.filter((p) => (p.properties as R).riskLevel === 'Critical').length,
    register: {
      inForce: expires.filter((e) => e >= now).length,
      expiringSoon: expires.filter((e) => e >= now && e - now <= 30 * DAY).length,
      expired: expires.filter((e) => e < now).length,
    },
    topCallerRequests: top.reduce((s, c) => s + c.calls, 0),
    topCallerTokens: top.reduce((s, c) => s + c.tokens, 0),
  };
}
