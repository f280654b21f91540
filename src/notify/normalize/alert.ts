import { findingKey, type Finding } from '../../domain/finding';
import { severityFromDefender } from '../../domain/findings';
import { date, props, resourceOf, strings, text, type ResourceLookup, type Row } from './common';

const DEFENDER_ALERTS = 'https://portal.azure.com/#view/Microsoft_Azure_Security/SecurityMenuBlade/~/7';

/**
 * A Resource Graph `microsoft.security/locations/alerts` row (properties in PascalCase, as ARG stores them)
 * → Finding. Azure and the simulated tenant share the row shape, so this one function serves both modes.
 */
export function alertFinding(row: Row, lookup: ResourceLookup): Finding {
  const p = props(row);
  const ids = (Array.isArray(p.ResourceIdentifiers) ? p.ResourceIdentifiers : []) as Record<string, unknown>[];
  const resourceId = text(ids.find((i) => i.AzureResourceId)?.AzureResourceId);
  const generated = date(p.TimeGeneratedUtc, new Date(0));
  const entities = (Array.isArray(p.Entities) ? p.Entities : []) as Record<string, unknown>[];
  const ext = (p.ExtendedProperties ?? {}) as Record<string, unknown>;
  const callerIp = text(ext.CallerIpAddress ?? entities.find((e) => e.Type === 'ip')?.Address) || undefined;
  const status = text(p.Status, 'Active');
  return {
    key: findingKey('alert', text(p.SystemAlertId || row.name)),
    kind: 'alert',
    tenantId: text(row.tenantId),
    title: text(p.AlertDisplayName || p.AlertType, 'Defender for AI alert'),
    severity: severityFromDefender(p.Severity),
    resource: resourceOf(resourceId, lookup),
    status: status === 'Resolved' || status === 'Dismissed' ? 'resolved' : 'active',
    firstSeen: date(p.StartTimeUtc, generated),
    lastSeen: date(p.EndTimeUtc, generated),
    details: {
      // Write-backs address the alert by this id (src/triage/targets.ts), never by one rebuilt from AlertUri.
      alertArmId: text(row.id) || undefined,
      alertType: text(p.AlertType),
      defenderStatus: status,
      description: text(p.Description),
      tactics: text(p.Intent)
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      callerIp,
      userAgent: text(ext.UserAgent) || undefined,
      remediation: strings(p.RemediationSteps),
      portalUrl: text(p.AlertUri) || DEFENDER_ALERTS,
      timeGenerated: generated.toISOString(),
    },
    version: 1,
  };
}

/** When Defender produced the alert: the ingest watermark for alerts. */
export function alertChangedAt(row: Row): Date {
  return date(props(row).TimeGeneratedUtc, new Date(0));
}
