/**
 * Hand-written baselines for the KQL benchmark: one plain-JavaScript function per catalog query, computing
 * exactly the rows (column order, row order, values) the catalog query returns with its default slots. They
 * are written the way a developer would write them by hand: one pass with Maps, JSON.parse where the query
 * parses JSON text, no knowledge of the data's order. Slot filters that are no-ops with the default slots
 * (empty severity, no alert type family, `scopeAll`) are left out, as a hand-written loop would.
 *
 * Kusto semantics they reproduce: `startswith`, `=~` and `in~` ignore case; `summarize` groups come out in
 * first-seen order and `order by` is stable; arg_max/arg_min keep the first row on ties; `order by … desc`
 * puts nulls last, `asc` first; round() rounds half away from zero; a missing string is "".
 */
import type { Row } from '../../src/sim';

export type Tables = Readonly<Record<string, readonly Row[]>>;
/** Rows as arrays in the query's column order. */
export type Loop = (tables: Tables, now: Date) => unknown[][];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const table = (t: Tables, name: string): readonly Row[] => t[name] ?? [];

/** Kusto round(x, digits): half away from zero, shifting the decimal point in text (no binary error). */
function round(x: number, digits: number): number {
  const sign = x < 0 ? -1 : 1;
  return sign * Number(`${Math.round(Number(`${Math.abs(x)}e${digits}`))}e${-digits}`);
}

const startOfDay = (ms: number): number => Math.floor(ms / DAY) * DAY;

/** tostring() of a dynamic value: strings as they are, null/missing as "", anything else as JSON. */
function str(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** tolong()/toint() of a dynamic value: numbers truncated, numeric strings parsed, anything else null. */
function long(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

/** parse_json(): the parsed value, or the text itself when it is not JSON. */
function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `x.field` on a dynamic value (null unless x is an object with that field). */
function field(x: unknown, name: string): unknown {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? ((x as Record<string, unknown>)[name] ?? null) : null;
}

const startsWithAi = (s: unknown): boolean => typeof s === 'string' && s.length >= 3 && s.slice(0, 3).toLowerCase() === 'ai.';

const isCognitiveRequest = (r: Row): boolean => r.ResourceProvider === 'MICROSOFT.COGNITIVESERVICES' && r.Category === 'RequestResponse';

/** Stable sort by several keys: [value, descending?]; nulls last when descending, first when ascending. */
function sortBy<T>(items: T[], ...keys: [(x: T) => number | string | null, boolean][]): T[] {
  return items.sort((a, b) => {
    for (const [key, desc] of keys) {
      const x = key(a);
      const y = key(b);
      if (x === y) continue;
      if (x === null) return desc ? 1 : -1;
      if (y === null) return desc ? -1 : 1;
      const c = x < y ? -1 : 1;
      return desc ? -c : c;
    }
    return 0;
  });
}

// --- The AI inventory (resources), shared by the Resource Graph queries ---------------------------------------

const AI_TYPES = new Set(['microsoft.cognitiveservices/accounts', 'microsoft.machinelearningservices/workspaces', 'microsoft.search/searchservices', 'microsoft.security/securityconnectors/securityentitydata']);

/** The catalog's ResourceType for an ARM type and kind, or null for anything not an AI resource. */
function aiResourceType(type: unknown, kind: unknown): string | null {
  const t = str(type).toLowerCase();
  if (!AI_TYPES.has(t)) return null;
  const k = str(kind).toLowerCase();
  if (t === 'microsoft.cognitiveservices/accounts') return k === 'openai' ? 'openai' : 'ai_services';
  if (t === 'microsoft.machinelearningservices/workspaces') return k === 'hub' || k === 'project' ? 'ai_foundry' : 'ml_workspace';
  if (t === 'microsoft.search/searchservices') return 'ai_search';
  if (k.startsWith('aws::bedrock')) return 'bedrock';
  if (k.startsWith('gcp::')) return 'vertex';
  return null;
}

interface AiResource {
  row: Row;
  resourceType: string;
  zoneTag: string;
  owner: string;
}

function aiResources(t: Tables, zoneTag: string): AiResource[] {
  const out: AiResource[] = [];
  for (const r of table(t, 'resources')) {
    const resourceType = aiResourceType(r.type, r.kind);
    if (resourceType) out.push({ row: r, resourceType, zoneTag: str(field(r.tags, zoneTag)), owner: str(field(r.tags, 'owner')) });
  }
  return out;
}

/** AI resources by lower-cased id (a list: the join emits one row per match). */
function aiResourcesById(t: Tables, zoneTag: string): Map<string, AiResource[]> {
  const byId = new Map<string, AiResource[]>();
  for (const a of aiResources(t, zoneTag)) {
    const id = str(a.row.id).toLowerCase();
    const list = byId.get(id);
    if (list) list.push(a);
    else byId.set(id, [a]);
  }
  return byId;
}

/** Missing or invalid zone tags count as Zone 3. */
const zoneKnown = (tag: string): boolean => tag === '1' || tag === '2' || tag === '3';
const zoneOf = (tag: string): number => (zoneKnown(tag) ? Number(tag) : 3);

// --- Log Analytics queries ----------------------------------------------------------------------------------------

/** top_callers: per caller IP over 7 days of AzureDiagnostics RequestResponse rows, calls, failures (status ≥ 400), throttles (429), distinct resources, total tokens from properties_s, last seen; the 10 with most calls. */
export function topCallers(t: Tables, now: Date): unknown[][] {
  const since = now.getTime() - 7 * DAY;
  const groups = new Map<unknown, { ip: unknown; calls: number; failed: number; throttled: number; resources: Set<unknown>; tokens: number; last: number }>();
  for (const r of table(t, 'AzureDiagnostics')) {
    const time = (r.TimeGenerated as Date).getTime();
    if (!(time > since) || !isCognitiveRequest(r)) continue;
    let g = groups.get(r.CallerIPAddress);
    if (!g) groups.set(r.CallerIPAddress, (g = { ip: r.CallerIPAddress, calls: 0, failed: 0, throttled: 0, resources: new Set(), tokens: 0, last: -Infinity }));
    const status = long(r.ResultSignature);
    g.calls++;
    if (status !== null && status >= 400) g.failed++;
    if (status === 429) g.throttled++;
    if (r._ResourceId != null) g.resources.add(r._ResourceId);
    const tokens = long(field(parseJson(r.properties_s), 'totalTokens'));
    if (tokens !== null) g.tokens += tokens;
    if (time > g.last) g.last = time;
  }
  return sortBy([...groups.values()], [(g) => g.calls, true])
    .slice(0, 10)
    .map((g) => [g.ip, g.calls, g.failed, g.throttled, g.resources.size, g.tokens, new Date(g.last)]);
}

/** usage_anomalies: per caller IP and resource over 30 days, calls in the last 24 h against the daily average before that (over the days the caller was seen); spikes of 3× or new callers, with at least 20 recent calls. */
export function usageAnomalies(t: Tables, now: Date): unknown[][] {
  const nowMs = now.getTime();
  const since = nowMs - 30 * DAY;
  const recent = nowMs - DAY;
  const groups = new Map<string, { ip: unknown; id: unknown; name: string; last24h: number; earlier: number; first: number }>();
  for (const r of table(t, 'AzureDiagnostics')) {
    const time = (r.TimeGenerated as Date).getTime();
    if (!(time > since) || !isCognitiveRequest(r)) continue;
    const name = str(r.Resource).toLowerCase();
    const key = `${str(r.CallerIPAddress)}\u0001${str(r._ResourceId)}\u0001${name}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ip: r.CallerIPAddress, id: r._ResourceId, name, last24h: 0, earlier: 0, first: time }));
    if (time > recent) g.last24h++;
    else g.earlier++;
    if (time < g.first) g.first = time;
  }
  const out: { row: unknown[]; ratio: number | null; last24h: number }[] = [];
  for (const g of groups.values()) {
    const baselineDays = (recent - Math.max(g.first, since)) / DAY;
    const newCaller = baselineDays < 1;
    const average = newCaller ? null : g.earlier / baselineDays;
    const ratio = average === null || average === 0 ? null : round(g.last24h / average, 1);
    if (g.last24h < 20 || !(newCaller || (ratio !== null && ratio >= 3))) continue;
    out.push({ row: [g.ip, g.name, g.id, g.last24h, average === null ? null : round(average, 1), ratio, newCaller, new Date(g.first)], ratio, last24h: g.last24h });
  }
  return sortBy(out, [(x) => x.ratio, true], [(x) => x.last24h, true]).map((x) => x.row);
}

/** large_responses: RequestResponse rows of the last 24 h whose completionTokens (in properties_s) exceed 4,000, biggest first. */
export function largeResponses(t: Tables, now: Date): unknown[][] {
  const since = now.getTime() - DAY;
  const out: { row: unknown[]; tokens: number; time: number }[] = [];
  for (const r of table(t, 'AzureDiagnostics')) {
    const time = (r.TimeGenerated as Date).getTime();
    if (!(time > since) || !isCognitiveRequest(r)) continue;
    const props = parseJson(r.properties_s);
    const tokens = long(field(props, 'completionTokens'));
    if (tokens === null || !(tokens > 4000)) continue;
    const row = [r.TimeGenerated, r.CallerIPAddress, str(r.Resource).toLowerCase(), r._ResourceId, r.OperationName, str(field(props, 'modelDeploymentName')), tokens, long(field(props, 'promptTokens')), long(field(props, 'responseLength'))];
    out.push({ row, tokens, time });
  }
  return sortBy(out, [(x) => x.tokens, true], [(x) => x.time, true]).map((x) => x.row);
}

/** risky_signin_correlation: Defender for AI alerts of 7 days (latest record per alert) whose caller IP had a medium/high-risk sign-in within 2 h of the alert's start. */
export function riskySigninCorrelation(t: Tables, now: Date): unknown[][] {
  const nowMs = now.getTime();
  const window = 2 * HOUR;
  // Latest record (arg_max TimeGenerated, first on ties) of each AI alert.
  const latest = new Map<unknown, { time: number; row: Row }>();
  for (const r of table(t, 'SecurityAlert')) {
    const time = (r.TimeGenerated as Date).getTime();
    if (!(time > nowMs - 7 * DAY) || !startsWithAi(r.AlertType)) continue;
    const seen = latest.get(r.SystemAlertId);
    if (!seen) latest.set(r.SystemAlertId, { time, row: r });
    else if (time > seen.time) {
      seen.time = time;
      seen.row = r;
    }
  }
  // Risky sign-ins by IP address, in table order.
  const signins = new Map<string, Row[]>();
  for (const s of table(t, 'SigninLogs')) {
    if (!((s.TimeGenerated as Date).getTime() > nowMs - 7 * DAY - window)) continue;
    if (s.RiskLevelDuringSignIn !== 'medium' && s.RiskLevelDuringSignIn !== 'high') continue;
    const ip = str(s.IPAddress);
    const list = signins.get(ip);
    if (list) list.push(s);
    else signins.set(ip, [s]);
  }
  const out: { row: unknown[]; alertTime: number; upn: string }[] = [];
  for (const { row: a } of latest.values()) {
    const ip = str(field(parseJson(a.ExtendedProperties), 'CallerIpAddress'));
    if (ip === '') continue;
    const alertTime = (a.StartTime as Date).getTime();
    for (const s of signins.get(ip) ?? []) {
      const signinTime = (s.TimeGenerated as Date).getTime();
      if (signinTime < alertTime - window || signinTime > alertTime + window) continue;
      const minutes = round(Math.abs((alertTime - signinTime) / MINUTE), 1);
      out.push({
        row: [a.StartTime, a.AlertName, a.AlertType, a.AlertSeverity, ip, s.UserPrincipalName, s.RiskLevelDuringSignIn, s.TimeGenerated, minutes, a.ResourceId],
        alertTime,
        upn: str(s.UserPrincipalName),
      });
    }
  }
  return sortBy(out, [(x) => x.alertTime, true], [(x) => x.upn, false]).map((x) => x.row);
}

/** alert_trend: Defender for AI alerts of 30 days, each counted once (its first record), per day and severity. */
export function alertTrend(t: Tables, now: Date): unknown[][] {
  const since = now.getTime() - 30 * DAY;
  // First record (arg_min TimeGenerated, first on ties) of each AI alert.
  const first = new Map<unknown, { time: number; severity: unknown }>();
  for (const r of table(t, 'SecurityAlert')) {
    const time = (r.TimeGenerated as Date).getTime();
    if (!(time > since) || !startsWithAi(r.AlertType)) continue;
    const seen = first.get(r.SystemAlertId);
    if (!seen) first.set(r.SystemAlertId, { time, severity: r.AlertSeverity });
    else if (time < seen.time) {
      seen.time = time;
      seen.severity = r.AlertSeverity;
    }
  }
  const counts = new Map<string, { day: number; severity: unknown; alerts: number }>();
  for (const a of first.values()) {
    const day = startOfDay(a.time);
    const key = `${day}\u0001${str(a.severity)}`;
    const c = counts.get(key);
    if (c) c.alerts++;
    else counts.set(key, { day, severity: a.severity, alerts: 1 });
  }
  return sortBy([...counts.values()], [(c) => c.day, false], [(c) => str(c.severity), false]).map((c) => [new Date(c.day), c.severity, c.alerts]);
}

/** secure_score: per day of 30, the last "ASC score" snapshot of each subscription, summed, as a percentage. */
export function secureScore(t: Tables, now: Date): unknown[][] {
  const since = now.getTime() - 30 * DAY;
  const latest = new Map<string, { sub: unknown; day: number; time: number; current: unknown; max: unknown }>();
  for (const r of table(t, 'SecureScores')) {
    const time = (r.TimeGenerated as Date).getTime();
    if (!(time > since) || r.DisplayName !== 'ASC score') continue;
    const day = startOfDay(time);
    const key = `${str(r.SecureScoresSubscriptionId)}\u0001${day}`;
    const seen = latest.get(key);
    if (!seen) latest.set(key, { sub: r.SecureScoresSubscriptionId, day, time, current: r.CurrentScore, max: r.MaxScore });
    else if (time > seen.time) Object.assign(seen, { time, current: r.CurrentScore, max: r.MaxScore });
  }
  const days = new Map<number, { current: number; max: number; subs: Set<unknown> }>();
  for (const s of latest.values()) {
    let d = days.get(s.day);
    if (!d) days.set(s.day, (d = { current: 0, max: 0, subs: new Set() }));
    if (typeof s.current === 'number') d.current += s.current;
    if (typeof s.max === 'number') d.max += s.max;
    if (s.sub != null) d.subs.add(s.sub);
  }
  return sortBy([...days], [([day]) => day, false]).map(([day, d]) => {
    const current = round(d.current, 2);
    return [new Date(day), current, d.max, d.max === 0 ? null : round((100 * current) / d.max, 1), d.subs.size];
  });
}

/** compliance: per standard, controls passed / failed / skipped from each assessment's latest record of 7 days (a control fails when any assessment fails), and the pass rate. */
export function compliance(t: Tables, now: Date): unknown[][] {
  const since = now.getTime() - 7 * DAY;
  const latest = new Map<string, { standard: unknown; control: unknown; time: number; failed: unknown; passed: unknown }>();
  for (const r of table(t, 'SecurityRegulatoryCompliance')) {
    const time = (r.TimeGenerated as Date).getTime();
    if (!(time > since)) continue;
    const key = [r.ComplianceStandard, r.ComplianceControl, r.RecommendationId, r.RegulatoryComplianceSubscriptionId].map(str).join('\u0001');
    const seen = latest.get(key);
    if (!seen) latest.set(key, { standard: r.ComplianceStandard, control: r.ComplianceControl, time, failed: r.FailedResources, passed: r.PassedResources });
    else if (time > seen.time) Object.assign(seen, { time, failed: r.FailedResources, passed: r.PassedResources });
  }
  const controls = new Map<string, { standard: unknown; failed: number; passed: number }>();
  for (const a of latest.values()) {
    const key = `${str(a.standard)}\u0001${str(a.control)}`;
    let c = controls.get(key);
    if (!c) controls.set(key, (c = { standard: a.standard, failed: 0, passed: 0 }));
    if (typeof a.failed === 'number') c.failed += a.failed;
    if (typeof a.passed === 'number') c.passed += a.passed;
  }
  const standards = new Map<unknown, { controls: number; passed: number; failed: number; skipped: number; failedAssessments: number }>();
  for (const c of controls.values()) {
    let s = standards.get(c.standard);
    if (!s) standards.set(c.standard, (s = { controls: 0, passed: 0, failed: 0, skipped: 0, failedAssessments: 0 }));
    s.controls++;
    if (c.failed > 0) s.failed++;
    else if (c.passed > 0) s.passed++;
    else s.skipped++;
    s.failedAssessments += c.failed;
  }
  const rows = [...standards].map(([standard, s]) => {
    const passRate = s.passed + s.failed === 0 ? null : round((100 * s.passed) / (s.passed + s.failed), 1);
    return [standard, s.controls, s.passed, s.failed, s.skipped, s.failedAssessments, passRate];
  });
  return sortBy(rows, [(r) => r[6] as number | null, false], [(r) => str(r[0]), false]);
}

// --- Resource Graph queries ---------------------------------------------------------------------------------------

/** alerts: Defender for AI alerts (securityresources) raised in 7 days, with the affected AI resource's type, zone and owner; newest first. */
export function alerts(t: Tables, now: Date, zoneTag: string): unknown[][] {
  const since = now.getTime() - 7 * DAY;
  const inventory = aiResourcesById(t, zoneTag);
  const out: { row: unknown[]; time: number }[] = [];
  for (const r of table(t, 'securityresources')) {
    if (r.type !== 'microsoft.security/locations/alerts') continue;
    const p = r.properties;
    const alertType = str(field(p, 'AlertType'));
    if (!startsWithAi(alertType)) continue;
    const time = Date.parse(str(field(p, 'TimeGeneratedUtc')));
    if (!(time > since)) continue;
    // The first AzureResourceId among the alert's ResourceIdentifiers.
    const ids = field(p, 'ResourceIdentifiers');
    const identifier = Array.isArray(ids) ? ids.find((x) => typeof field(x, 'AzureResourceId') === 'string') : undefined;
    const resourceId = str(field(identifier, 'AzureResourceId')).toLowerCase();
    const head = [str(field(p, 'SystemAlertId')), new Date(time), str(field(p, 'Severity')), alertType, str(field(p, 'AlertDisplayName')), str(field(p, 'Status')), str(field(p, 'CompromisedEntity')), resourceId];
    const tail = [str(field(field(p, 'ExtendedProperties'), 'CallerIpAddress')), str(field(p, 'AlertUri'))];
    const matches = inventory.get(resourceId);
    if (!matches) out.push({ row: [...head, null, 3, false, null, ...tail], time });
    else for (const m of matches) out.push({ row: [...head, m.resourceType, zoneOf(m.zoneTag), zoneKnown(m.zoneTag), m.owner, ...tail], time });
  }
  return sortBy(out, [(x) => x.time, true]).map((x) => x.row);
}

/** attack_paths: Defender CSPM attack paths whose target is an AI resource, with entry point, target, zone and owner; most critical first. */
export function attackPaths(t: Tables, _now: Date, zoneTag: string): unknown[][] {
  const inventory = aiResourcesById(t, zoneTag);
  const paths = new Map<unknown, { id: unknown; targetNames: string[]; targetIds: string[]; entryNames: string[]; path: unknown }>();
  for (const r of table(t, 'securityresources')) {
    if (r.type !== 'microsoft.security/attackpaths') continue;
    const p = r.properties;
    const target = str(field(p, 'targetEntityInternalID'));
    const entry = str(field(p, 'entryPointEntityInternalID'));
    const entities = field(field(p, 'graphComponent'), 'entities');
    for (const e of Array.isArray(entities) ? entities : [entities]) {
      const id = str(field(e, 'entityInternalId'));
      if (id !== target && id !== entry) continue;
      let g = paths.get(r.name);
      if (!g) paths.set(r.name, (g = { id: r.name, targetNames: [], targetIds: [], entryNames: [], path: p ?? null }));
      if (g.path === null) g.path = p ?? null;
      if (id === target) {
        g.targetNames.push(str(field(e, 'entityName')));
        g.targetIds.push(str(field(field(e, 'entityIdentifiers'), 'azureResourceId')));
      }
      if (id === entry) g.entryNames.push(str(field(e, 'entityName')));
    }
  }
  const rank: Record<string, number> = { Critical: 4, High: 3, Medium: 2 };
  const out: { row: unknown[]; rank: number; zone: number; id: string }[] = [];
  for (const g of paths.values()) {
    const resourceId = (g.targetIds[0] ?? '').toLowerCase();
    for (const m of inventory.get(resourceId) ?? []) {
      const riskLevel = str(field(g.path, 'riskLevel'));
      const zone = zoneOf(m.zoneTag);
      const row = [g.id, str(field(g.path, 'displayName')), riskLevel, g.entryNames[0] ?? '', g.targetNames[0] ?? '', resourceId, m.resourceType, zone, zoneKnown(m.zoneTag), m.owner, field(g.path, 'riskFactors'), field(g.path, 'manualRemediationSteps')];
      out.push({ row, rank: rank[riskLevel] ?? 1, zone, id: str(g.id) });
    }
  }
  return sortBy(out, [(x) => x.rank, true], [(x) => x.zone, true], [(x) => x.id, false]).map((x) => x.row);
}

/** inventory: the AI resources (Azure, AWS, GCP) with type, cloud, zone (unknown tags count as 3) and owner; Zone 3 first, then by name. */
export function inventory(t: Tables, _now: Date, zoneTag: string): unknown[][] {
  const cloud: Record<string, string> = { bedrock: 'AWS', vertex: 'GCP' };
  const rows = aiResources(t, zoneTag).map((a) => {
    const r = a.row;
    return [r.id, r.name, a.resourceType, cloud[a.resourceType] ?? 'Azure', r.location, r.subscriptionId, r.resourceGroup, zoneOf(a.zoneTag), zoneKnown(a.zoneTag), a.owner, str(field(r.properties, 'publicNetworkAccess'))];
  });
  return sortBy(rows, [(r) => r[7] as number, true], [(r) => str(r[1]), false]);
}

/** Per-resource posture counters, the union that resource_summary and exec_summary join to the inventory. */
interface Counters {
  evaluated: number;
  healthy: number;
  unhealthy: number;
  highUnhealthy: number;
  overdue: number;
  alerts: number;
  highAlerts: number;
  activeAlerts: number;
  attackPaths: number;
  criticalAttackPaths: number;
}

/** Counters by lower-cased resource id: evaluated assessments (one per governance assignment, as the left outer join gives), Defender for AI alerts raised in `timeRange`, attack paths ending at the resource. */
function postureCounters(t: Tables, now: Date, timeRange: number): Map<string, Counters> {
  const sr = table(t, 'securityresources');
  const nowMs = now.getTime();
  // Governance assignments' due dates by assessment id.
  const dueDates = new Map<string, (number | null)[]>();
  for (const r of sr) {
    if (r.type !== 'microsoft.security/assessments/governanceassignments') continue;
    const id = str(field(r.properties, 'assignedResourceId')).toLowerCase();
    const due = Date.parse(str(field(r.properties, 'remediationDueDate')));
    const list = dueDates.get(id);
    if (list) list.push(Number.isNaN(due) ? null : due);
    else dueDates.set(id, [Number.isNaN(due) ? null : due]);
  }
  const counters = new Map<string, Counters>();
  const of = (id: string): Counters => {
    let c = counters.get(id);
    if (!c) counters.set(id, (c = { evaluated: 0, healthy: 0, unhealthy: 0, highUnhealthy: 0, overdue: 0, alerts: 0, highAlerts: 0, activeAlerts: 0, attackPaths: 0, criticalAttackPaths: 0 }));
    return c;
  };
  for (const r of sr) {
    const p = r.properties;
    if (r.type === 'microsoft.security/assessments') {
      const status = str(field(field(p, 'status'), 'code'));
      if (status !== 'Healthy' && status !== 'Unhealthy') continue;
      const c = of(str(field(field(p, 'resourceDetails'), 'Id')).toLowerCase());
      const high = str(field(field(p, 'metadata'), 'severity')) === 'High';
      for (const due of dueDates.get(str(r.id).toLowerCase()) ?? [null]) {
        c.evaluated++;
        if (status === 'Healthy') c.healthy++;
        else {
          c.unhealthy++;
          if (high) c.highUnhealthy++;
          if (due !== null && due < nowMs) c.overdue++;
        }
      }
    } else if (r.type === 'microsoft.security/locations/alerts') {
      if (!startsWithAi(field(p, 'AlertType')) || !(Date.parse(str(field(p, 'TimeGeneratedUtc'))) > nowMs - timeRange)) continue;
      const ids = field(p, 'ResourceIdentifiers');
      const identifier = Array.isArray(ids) ? ids.find((x) => typeof field(x, 'AzureResourceId') === 'string') : undefined;
      const c = of(str(field(identifier, 'AzureResourceId')).toLowerCase());
      const status = str(field(p, 'Status'));
      c.alerts++;
      if (str(field(p, 'Severity')) === 'High') c.highAlerts++;
      if (status === 'Active' || status === 'InProgress') c.activeAlerts++;
    } else if (r.type === 'microsoft.security/attackpaths') {
      const target = str(field(p, 'targetEntityInternalID'));
      const entities = field(field(p, 'graphComponent'), 'entities');
      for (const e of Array.isArray(entities) ? entities : [entities]) {
        if (str(field(e, 'entityInternalId')) !== target) continue;
        const c = of(str(field(field(e, 'entityIdentifiers'), 'azureResourceId')).toLowerCase());
        c.attackPaths++;
        if (str(field(p, 'riskLevel')) === 'Critical') c.criticalAttackPaths++;
      }
    }
  }
  return counters;
}

/** resource_summary: per AI resource, unhealthy and high-severity recommendations, overdue remediations, Defender for AI alerts of 30 days (active ones) and attack paths; most exposed first. */
export function resourceSummary(t: Tables, now: Date, zoneTag: string): unknown[][] {
  const counters = postureCounters(t, now, 30 * DAY);
  const rows = aiResources(t, zoneTag).map((a) => {
    const c = counters.get(str(a.row.id).toLowerCase());
    return [a.row.id, a.row.name, a.resourceType, zoneOf(a.zoneTag), zoneKnown(a.zoneTag), a.owner, c?.unhealthy ?? 0, c?.highUnhealthy ?? 0, c?.overdue ?? 0, c?.alerts ?? 0, c?.activeAlerts ?? 0, c?.attackPaths ?? 0];
  });
  return sortBy(rows, [(r) => r[11] as number, true], [(r) => r[7] as number, true], [(r) => r[10] as number, true], [(r) => str(r[1]), false]);
}

/** exec_summary: one row over the AI estate: resources (unknown zone), recommendations and healthy share, high-severity unhealthy, overdue, Defender for AI alerts of 30 days (high, active), attack paths (critical). */
export function execSummary(t: Tables, now: Date, zoneTag: string): unknown[][] {
  const counters = postureCounters(t, now, 30 * DAY);
  let resources = 0;
  let unknownZone = 0;
  const total: Counters = { evaluated: 0, healthy: 0, unhealthy: 0, highUnhealthy: 0, overdue: 0, alerts: 0, highAlerts: 0, activeAlerts: 0, attackPaths: 0, criticalAttackPaths: 0 };
  for (const a of aiResources(t, zoneTag)) {
    resources++;
    if (!zoneKnown(a.zoneTag)) unknownZone++;
    const c = counters.get(str(a.row.id).toLowerCase());
    if (c) for (const k of Object.keys(total) as (keyof Counters)[]) total[k] += c[k];
  }
  const healthyPct = total.evaluated === 0 ? null : round((100 * total.healthy) / total.evaluated, 1);
  return [[resources, unknownZone, total.evaluated, total.healthy, healthyPct, total.highUnhealthy, total.overdue, total.alerts, total.highAlerts, total.activeAlerts, total.attackPaths, total.criticalAttackPaths]];
}
