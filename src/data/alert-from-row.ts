import { severityFromDefender, type AlertFinding, type ResourceRef } from '../domain/findings';
import { zoneFromTag } from '../domain/zones';

type Row = Record<string, unknown>;

function parseJsonText(value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

function asDate(value: unknown, fallback: Date): Date {
  const d = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : fallback;
}

/** An unknown resource still gets a card: its zone fails closed to 3 and the card says the tag is missing. */
export function unknownResource(resourceId: string): ResourceRef {
  const name = resourceId.split('/').filter(Boolean).pop() ?? resourceId;
  return { id: resourceId, name, kind: 'AI resource', ...zoneFromTag(undefined) };
}

/**
 * Maps a Log Analytics SecurityAlert row (the same columns in Azure and in the simulated tenant) to the
 * finding a card shows. ExtendedProperties is JSON text in that table, hence the parse.
 */
export function alertFromSecurityAlertRow(row: Row, lookup: (resourceId: string) => ResourceRef | undefined): AlertFinding {
  const resourceId = String(row.ResourceId ?? '');
  const props = (parseJsonText(row.ExtendedProperties) ?? {}) as Record<string, unknown>;
  const generated = asDate(row.TimeGenerated, new Date(0));
  const callerIp = props.CallerIpAddress ?? props['Caller IP address'] ?? props.ClientIpAddress;
  return {
    kind: 'alert',
    id: String(row.SystemAlertId ?? row.VendorOriginalId ?? ''),
    alertType: String(row.AlertType ?? ''),
    name: String(row.DisplayName || row.AlertName || row.AlertType || 'Defender for AI alert'),
    severity: severityFromDefender(row.AlertSeverity),
    description: String(row.Description ?? ''),
    tactics: String(row.Tactics ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    resource: lookup(resourceId) ?? unknownResource(resourceId),
    callerIp: typeof callerIp === 'string' && callerIp ? callerIp : undefined,
    firstSeen: asDate(row.StartTime, generated),
    lastSeen: asDate(row.EndTime, generated),
    occurrences: 1,
    status: String(row.Status ?? 'New'),
    portalUrl: String(row.AlertLink || 'https://portal.azure.com/#view/Microsoft_Azure_Security/SecurityMenuBlade/~/7'),
  };
}
