import type { Finding, FindingKind } from '../domain/finding';
import type { Severity, Zone } from '../domain/zones';

export const FINDING_KINDS: readonly FindingKind[] = ['alert', 'recommendation', 'attack_path'];
/** Ascending; a subscription's minimum severity includes everything at or above it. */
export const SEVERITY_ORDER: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/** What a conversation wants to hear about. */
export interface SubscriptionSpec {
  kinds: FindingKind[];
  zones: Zone[];
  minSeverity: Severity;
}

export function severityAtLeast(severity: Severity, min: Severity): boolean {
  return SEVERITY_ORDER.indexOf(severity) >= SEVERITY_ORDER.indexOf(min);
}

export function matches(spec: SubscriptionSpec, finding: Pick<Finding, 'kind' | 'severity' | 'resource'>): boolean {
  return spec.kinds.includes(finding.kind) && spec.zones.includes(finding.resource.zone) && severityAtLeast(finding.severity, spec.minSeverity);
}

export function sameSpec(a: SubscriptionSpec, b: SubscriptionSpec): boolean {
  return a.minSeverity === b.minSeverity && a.kinds.join() === b.kinds.join() && a.zones.join() === b.zones.join();
}

const KIND_LABEL: Record<FindingKind, string> = { alert: 'alerts', recommendation: 'recommendations', attack_path: 'attack paths' };

/** "Zone 3 · high and above · alerts" */
export function describeSpec(spec: SubscriptionSpec): string {
  const zones = spec.zones.length === 3 ? 'all zones' : `zone ${spec.zones.join(', ')}`;
  const sev = spec.minSeverity === 'low' ? 'any severity' : spec.minSeverity === 'critical' ? 'critical' : `${spec.minSeverity} and above`;
  const kinds = spec.kinds.length === FINDING_KINDS.length ? 'alerts, recommendations and attack paths' : spec.kinds.map((k) => KIND_LABEL[k]).join(' and ');
  return `${kinds} · ${zones} · ${sev}`;
}
