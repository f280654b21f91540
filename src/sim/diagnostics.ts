import { WORKSPACE } from './constants';
import { LARGE_RESPONSE_CALLERS, RESOURCE_CALLERS, SPIKE_CALLER } from './network';
import type { ResourceProfile } from './resources';
import { Rng, stableGuid } from './rng';
import { DAY, HOUR, type Row } from './rows';

/** Default AzureDiagnostics volume: ~30k RequestResponse records over 30 days. */
export const DEFAULT_DIAGNOSTICS_ROWS = 30_000;

/** Relative request volume per resource (prod chat and fraud workloads dominate). */
const RESOURCE_VOLUME: Record<string, number> = {
  'oai-fraud-detection-prod': 8,
  'oai-customer-chatbot-prod': 10,
  'oai-docprocessing-prod': 5,
  'ais-contact-center-prod': 5,
  'oai-fraud-detection-dev': 1,
  'oai-chatbot-staging': 1,
  'oai-hr-policy-assistant': 1,
  'oai-wealth-advisor-pilot': 0.6,
  'ais-marketing-sandbox': 0.4,
};

const API_VERSION = '2024-10-21';
const TICKS_OFFSET_MS = 62_135_596_800_000; // ms from 0001-01-01 to 1970-01-01

interface Source {
  profile: ResourceProfile;
  ip: string;
  objectId: string;
  weight: number;
  createdAt: number;
  // Precomputed column values shared by every row of this caller.
  resourceIdUpper: string;
  resourceIdLower: string;
  rgUpper: string;
  nameUpper: string;
  propsPrefix: string;
}

function sourceFor(p: ResourceProfile, ip: string, weight: number): Source {
  const r = p.resource;
  return {
    profile: p,
    ip,
    objectId: stableGuid(`caller:${r.name}:${ip}`),
    weight,
    createdAt: r.createdAt.getTime(),
    resourceIdUpper: r.id.toUpperCase(),
    resourceIdLower: r.id.toLowerCase(),
    rgUpper: r.resourceGroup.toUpperCase(),
    nameUpper: r.name.toUpperCase(),
    propsPrefix: `{"apiName":"Azure OpenAI API version ${API_VERSION}",`,
  };
}

/** US business hours (13:00-23:00 UTC) carry most traffic; weekends a third. */
function hourWeight(t: number): number {
  const d = new Date(t);
  const h = d.getUTCHours();
  const day = d.getUTCDay();
  const diurnal = h >= 13 && h <= 22 ? 1 : h >= 11 && h <= 23 ? 0.55 : 0.18;
  return diurnal * (day === 0 || day === 6 ? 0.35 : 1);
}

const ticks = (ms: number): string => `${Math.floor(ms) + TICKS_OFFSET_MS}0000`;

function makeRow(src: Source, t: number, rng: Rng, completionTokens?: number): Row {
  const r = src.profile.resource;
  const d = src.profile.deployment;
  const x = rng.next();
  const op = completionTokens !== undefined || x < 0.85 ? 'ChatCompletions_Create' : x < 0.97 ? 'Embeddings_Create' : 'Completions_Create';
  const y = rng.next();
  const prompt = 120 + Math.floor(y * y * 2600);
  const completion = completionTokens ?? (op === 'Embeddings_Create' ? 0 : 30 + Math.floor(rng.next() ** 2 * 950));
  const z = rng.next();
  const status = completionTokens !== undefined || z < 0.975 ? '200' : z < 0.995 ? '429' : '400';
  const duration = status === '429' ? 12 + Math.floor(rng.next() * 20) : 180 + completion * 16 + Math.floor(rng.next() * 450);
  const requestLength = prompt * 4 + 180;
  const responseLength = completion * 4 + 320;
  const props = `${src.propsPrefix}"requestTime":${ticks(t)},"requestLength":${requestLength},"responseTime":${ticks(t + duration)},"responseLength":${responseLength},"objectId":"${src.objectId}","streamType":"Non-Streaming","modelDeploymentName":"${d?.name ?? ''}","modelName":"${d?.model ?? ''}","modelVersion":"${d?.version ?? ''}","promptTokens":${prompt},"completionTokens":${completion},"totalTokens":${prompt + completion}}`;
  // Flatten the concatenated text now: a rope of ~30 pieces costs several times its length in memory.
  props.charCodeAt(0);
  // Keys in AzureDiagnostics schema order (src/schemas/azure-diagnostics.ts).
  return {
    TenantId: WORKSPACE.customerId,
    TimeGenerated: new Date(t),
    ResourceId: src.resourceIdUpper,
    Category: 'RequestResponse',
    ResourceGroup: src.rgUpper,
    SubscriptionId: r.subscriptionId,
    ResourceProvider: 'MICROSOFT.COGNITIVESERVICES',
    Resource: src.nameUpper,
    ResourceType: 'ACCOUNTS',
    OperationName: op,
    OperationVersion: API_VERSION,
    ResultType: status === '200' ? 'Success' : 'Failed',
    ResultSignature: status,
    ResultDescription: null,
    CorrelationId: rng.guid(),
    CallerIPAddress: src.ip,
    DurationMs: duration,
    Level: status === '200' ? 'Informational' : 'Error',
    Message: null,
    AdditionalFields: null,
    properties_s: props,
    event_s: 'ShoeboxCallResult',
    location_s: r.location,
    SourceSystem: 'Azure',
    Type: 'AzureDiagnostics',
    _ResourceId: src.resourceIdLower,
    _SubscriptionId: r.subscriptionId,
    _BilledSize: 900 + props.length,
    _IsBillable: 'True',
  };
}

/**
 * Azure OpenAI / AI Services RequestResponse records over the last 30 days, exactly `total` rows, sorted by
 * time. Besides the diurnal/weekly baseline it plants: SPIKE_CALLER with ~6x its daily average in the last
 * 24 hours, and LARGE_RESPONSE_CALLERS with completions over 4,000 tokens in the last 24 hours.
 */
export function generateDiagnostics(rng: Rng, now: Date, profiles: readonly ResourceProfile[], total: number): Row[] {
  const sources: Source[] = [];
  const byName = new Map(profiles.map((p) => [p.resource.name, p]));
  for (const [name, callers] of Object.entries(RESOURCE_CALLERS)) {
    const p = byName.get(name);
    if (!p) continue;
    const sum = callers.reduce((s, c) => s + c.weight, 0);
    for (const c of callers) sources.push(sourceFor(p, c.ip, ((RESOURCE_VOLUME[name] ?? 1) * c.weight) / sum));
  }
  const cumulative: number[] = [];
  let acc = 0;
  for (const s of sources) cumulative.push((acc += s.weight));
  const spike = sources.find((s) => s.ip === SPIKE_CALLER.ip && s.profile.resource.name === SPIKE_CALLER.resource) as Source;

  const large = Math.min(total, Math.max(9, Math.min(600, Math.round(total * 0.0006))));
  const spikeExtra = Math.min(total - large, Math.round((5 * (total * spike.weight)) / acc / 30));
  const normal = total - large - spikeExtra;

  const end = now.getTime();
  const start = end - 30 * DAY;
  const hours = 30 * 24;
  const weights: number[] = [];
  let wsum = 0;
  for (let h = 0; h < hours; h++) wsum += weights[h] = hourWeight(start + h * HOUR);

  const rows: Row[] = new Array(normal);
  let n = 0;
  let cum = 0;
  let assigned = 0;
  for (let h = 0; h < hours; h++) {
    cum += weights[h] as number;
    const upto = h === hours - 1 ? normal : Math.round((cum / wsum) * normal);
    const count = upto - assigned;
    assigned = upto;
    const hourStart = start + h * HOUR;
    for (let j = 0; j < count; j++) {
      const t = hourStart + ((j + rng.next()) / count) * HOUR;
      let src: Source;
      do {
        const x = rng.next() * acc;
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((cumulative[mid] as number) > x) hi = mid;
          else lo = mid + 1;
        }
        src = sources[lo] as Source;
      } while (src.createdAt > t);
      rows[n++] = makeRow(src, t, rng);
    }
  }

  const extra: Row[] = [];
  for (let i = 0; i < spikeExtra; i++) extra.push(makeRow(spike, end - 20 * HOUR + rng.next() * 20 * HOUR, rng));
  const largeSources = LARGE_RESPONSE_CALLERS.map((c) => sourceFor(byName.get(c.resource) as ResourceProfile, c.ip, 1));
  for (let i = 0; i < large; i++) {
    const src = largeSources[i % largeSources.length] as Source;
    extra.push(makeRow(src, end - 23 * HOUR + rng.next() * 23 * HOUR, rng, 4100 + Math.floor(rng.next() * 4000)));
  }
  extra.sort((a, b) => timeOf(a) - timeOf(b));
  return mergeByTime(rows, extra);
}

function mergeByTime(a: Row[], b: Row[]): Row[] {
  if (b.length === 0) return a;
  const out: Row[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    out[k++] = timeOf(a[i] as Row) <= timeOf(b[j] as Row) ? (a[i++] as Row) : (b[j++] as Row);
  }
  while (i < a.length) out[k++] = a[i++] as Row;
  while (j < b.length) out[k++] = b[j++] as Row;
  return out;
}

const timeOf = (r: Row): number => (r.TimeGenerated as Date).getTime();
