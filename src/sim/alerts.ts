import { SecurityAlert, securityresources } from '../schemas';
import { ALERT_DEFINITIONS, type AlertDefinition } from './alert-catalog';
import { ASC_LOCATION, TENANT_ID, WORKSPACE } from './constants';
import { APP_USER_AGENTS, ATTACKER_IPS, CORPORATE_IPS, RESOURCE_CALLERS, SUSPICIOUS_USER_AGENTS, TOR_IPS, geoOf } from './network';
import type { ResourceProfile } from './resources';
import { hash32, Rng } from './rng';
import { DAY, iso, makeRow, type Row } from './rows';

/**
 * Product fields of a Defender for Cloud alert. In SecurityAlert (continuous export / Sentinel connector)
 * and in the REST API (`productName` in the alerts swagger examples) Defender for Cloud alerts carry
 * "Azure Security Center"; the AI plan is the product component "AI". The lab's `ProductName == "Azure
 * Defender for AI"` is not a value Microsoft documents: filter Defender for AI alerts with
 * `AlertType startswith "AI."` instead.
 */
export const ALERT_PRODUCT = { productName: 'Azure Security Center', productComponentName: 'AI', providerName: 'Azure Security Center', vendorName: 'Microsoft' } as const;

export type AlertStatus = 'New' | 'InProgress' | 'Resolved' | 'Dismissed';
/** SecurityAlert.Status → REST/ARG status. */
const ARG_STATUS: Record<AlertStatus, string> = { New: 'Active', InProgress: 'InProgress', Resolved: 'Resolved', Dismissed: 'Dismissed' };

/** What the sign-in generator needs to correlate risky sign-ins with alerts. */
export interface AlertEvent {
  at: Date;
  callerIp: string;
  type: string;
  resourceId: string;
}

export interface AlertPair {
  la: Row;
  arg: Row;
  event: AlertEvent;
}

/** Resources Defender for AI threat protection covers: Azure OpenAI and AI Services accounts with a model deployment. */
export function alertTargets(profiles: readonly ResourceProfile[]): ResourceProfile[] {
  return profiles.filter((p) => (p.resource.type === 'openai' || p.resource.type === 'ai_services') && p.deployment);
}

/** Internet-exposed Zone 3 resources attract most attacks. */
function targetWeight(p: ResourceProfile): number {
  const z3 = p.resource.zone === 3;
  return (z3 ? 3 : 1) * (p.publicNetwork ? 2.5 : 1);
}

const TICKS_AT_EPOCH = 621_355_968_000_000_000n;
const MAX_TICKS = 3_155_378_975_999_999_999n;

/** Defender alert ids are "{DateTime.MaxValue.Ticks - startTicks}_{guid}". */
function systemAlertId(start: Date, rng: Rng): string {
  const ticks = BigInt(start.getTime()) * 10_000n + TICKS_AT_EPOCH;
  return `${MAX_TICKS - ticks}_${rng.guid().toUpperCase()}`;
}

function callerFor(def: AlertDefinition, p: ResourceProfile, rng: Rng): string {
  if (def.type === 'AI.Azure_AccessFromAnonymizedIP') return rng.pick(TOR_IPS);
  if (def.external) return rng.chance(0.85) ? rng.pick(ATTACKER_IPS) : rng.pick(CORPORATE_IPS);
  const callers = RESOURCE_CALLERS[p.resource.name];
  return callers && callers.length > 0 ? rng.pick(callers).ip : rng.pick(CORPORATE_IPS);
}

function statusFor(ageMs: number, rng: Rng): AlertStatus {
  const x = rng.next();
  if (ageMs < 2 * DAY) return x < 0.85 ? 'New' : 'InProgress';
  if (ageMs < 7 * DAY) return x < 0.4 ? 'New' : x < 0.55 ? 'InProgress' : x < 0.9 ? 'Resolved' : 'Dismissed';
  return x < 0.1 ? 'New' : x < 0.8 ? 'Resolved' : 'Dismissed';
}

/** Builds one alert as a SecurityAlert row and its securityresources mirror. */
export function buildAlert(def: AlertDefinition, p: ResourceProfile, start: Date, status: AlertStatus, rng: Rng): AlertPair {
  const r = p.resource;
  const id = systemAlertId(start, rng);
  const callerIp = callerFor(def, p, rng);
  const end = new Date(start.getTime() + rng.int(1, 45) * 60_000);
  const generated = new Date(end.getTime() + rng.int(2, 12) * 60_000);
  const processed = new Date(generated.getTime() + rng.int(5, 90) * 1000);
  const geo = geoOf(callerIp);
  const userAgent = def.type === 'AI.Azure_AccessFromSuspiciousUserAgent' || def.external ? rng.pick(SUSPICIOUS_USER_AGENTS) : rng.pick(APP_USER_AGENTS);
  const alertUri = `https://portal.azure.com/#blade/Microsoft_Azure_Security/AlertBlade/alertId/${id}/subscriptionId/${r.subscriptionId}/resourceGroup/${r.resourceGroup}/referencedFrom/alertDeepLink/location/${ASC_LOCATION}`;
  const extendedProperties: Record<string, string> = {
    CallerIpAddress: callerIp,
    UserAgent: userAgent,
    ResourceType: r.type === 'openai' ? 'Azure OpenAI' : 'Azure AI Services',
    DeploymentName: p.deployment?.name ?? '',
    ModelName: p.deployment?.model ?? '',
    'Investigation steps': 'Review the prompt evidence in the Defender portal (AI prompt evidence must be enabled).',
  };
  const entities = [
    { $id: '2', ResourceId: r.id, Type: 'azure-resource' },
    { $id: '3', Address: callerIp, Location: { CountryCode: geo.countryOrRegion, State: geo.state, City: geo.city, Longitude: geo.lon, Latitude: geo.lat, Asn: geo.asn }, Type: 'ip' },
  ];
  const remediation = [...def.remediation];
  const la = makeRow(SecurityAlert, {
    AlertLink: alertUri,
    AlertName: def.displayName,
    AlertSeverity: def.severity,
    AlertType: def.type,
    _BilledSize: 2400 + def.description.length,
    CompromisedEntity: r.name,
    ConfidenceLevel: null,
    ConfidenceScore: null,
    Description: def.description,
    DisplayName: def.displayName,
    EndTime: end,
    Entities: JSON.stringify(entities),
    ExtendedLinks: null,
    ExtendedProperties: JSON.stringify(extendedProperties),
    _IsBillable: 'False',
    IsIncident: false,
    ProcessingEndTime: processed,
    ProductComponentName: ALERT_PRODUCT.productComponentName,
    ProductName: ALERT_PRODUCT.productName,
    ProviderName: ALERT_PRODUCT.providerName,
    RemediationSteps: JSON.stringify(remediation),
    ResourceId: r.id,
    SourceComputerId: null,
    StartTime: start,
    Status: status,
    SubTechniques: null,
    SystemAlertId: id,
    Tactics: def.intent.replace(/ /g, ''),
    Techniques: null,
    TimeGenerated: generated,
    Type: 'SecurityAlert',
    VendorName: ALERT_PRODUCT.vendorName,
    VendorOriginalId: id,
    WorkspaceResourceGroup: WORKSPACE.resourceGroup,
    WorkspaceSubscriptionId: WORKSPACE.subscriptionId,
  });
  // ARG stores alert properties with PascalCase names (see Microsoft's "Azure Defender Active Alerts" workbook:
  // properties.Status, properties.Severity, properties.ResourceIdentifiers, properties.AlertDisplayName); the
  // field set is the REST AlertProperties one.
  const arg = makeRow(securityresources, {
    id: `/subscriptions/${r.subscriptionId}/resourceGroups/${r.resourceGroup}/providers/Microsoft.Security/locations/${ASC_LOCATION}/alerts/${id}`,
    name: id,
    type: 'microsoft.security/locations/alerts',
    tenantId: TENANT_ID,
    kind: '',
    location: ASC_LOCATION,
    resourceGroup: r.resourceGroup.toLowerCase(),
    subscriptionId: r.subscriptionId,
    managedBy: '',
    properties: {
      Version: '2022-01-01.0',
      AlertType: def.type,
      SystemAlertId: id,
      ProductComponentName: ALERT_PRODUCT.productComponentName,
      AlertDisplayName: def.displayName,
      Description: def.description,
      Severity: def.severity,
      Intent: def.intent,
      StartTimeUtc: iso(start),
      EndTimeUtc: iso(end),
      ResourceIdentifiers: [
        { Type: 'AzureResource', AzureResourceId: r.id },
        { Type: 'LogAnalytics', WorkspaceId: WORKSPACE.customerId, WorkspaceSubscriptionId: WORKSPACE.subscriptionId, WorkspaceResourceGroup: WORKSPACE.resourceGroup },
      ],
      RemediationSteps: remediation,
      VendorName: ALERT_PRODUCT.vendorName,
      Status: ARG_STATUS[status],
      ExtendedLinks: [],
      AlertUri: alertUri,
      TimeGeneratedUtc: iso(generated),
      ProductName: ALERT_PRODUCT.productName,
      ProcessingEndTimeUtc: iso(processed),
      Entities: entities,
      IsIncident: false,
      CorrelationKey: `${hash32(`${r.id}|${def.type}`).toString(36)}${hash32(callerIp).toString(36)}`,
      ExtendedProperties: extendedProperties,
      CompromisedEntity: r.name,
      Techniques: [],
      SubTechniques: [],
    },
  });
  return { la, arg, event: { at: start, callerIp, type: def.type, resourceId: r.id } };
}

/** Weekday/weekend and office-hours shape of alert start times over the last 30 days. */
function alertStart(now: Date, rng: Rng): Date {
  for (;;) {
    const t = now.getTime() - rng.next() * 30 * DAY;
    const d = new Date(t);
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    const h = d.getUTCHours();
    const office = h >= 12 && h <= 23;
    if (rng.next() < (weekend ? 0.45 : 1) * (office ? 1 : 0.6)) return d;
  }
}

/** `count` alerts over 30 days (every one of the 16 types at least once when count ≥ 16), sorted by start time. */
export function generateAlerts(rng: Rng, now: Date, profiles: readonly ResourceProfile[], count: number): AlertPair[] {
  const targets = alertTargets(profiles);
  const weights = targets.map(targetWeight);
  const typeWeights = ALERT_DEFINITIONS.map((d) => d.weight);
  const starts: Date[] = [];
  for (let i = 0; i < count; i++) starts.push(alertStart(now, rng));
  starts.sort((a, b) => a.getTime() - b.getTime());
  // Spread the guaranteed one-of-each types across the month rather than at its start.
  const guaranteed = new Map<number, AlertDefinition>();
  ALERT_DEFINITIONS.forEach((d, i) => {
    if (i < count) guaranteed.set(Math.floor(((i + 0.5) * count) / Math.min(count, ALERT_DEFINITIONS.length)) % count, d);
  });
  const out: AlertPair[] = [];
  for (let i = 0; i < count; i++) {
    const start = starts[i] as Date;
    const def = guaranteed.get(i) ?? rng.weighted(ALERT_DEFINITIONS, typeWeights);
    const target = rng.weighted(targets, weights);
    out.push(buildAlert(def, target, start, statusFor(now.getTime() - start.getTime(), rng), rng));
  }
  return out;
}

/** Default alert volume: a few hundred over 30 days. */
export const DEFAULT_ALERT_COUNT = 420;
