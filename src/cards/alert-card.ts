import type { AlertFinding } from '../domain/findings';
import type { Severity } from '../domain/zones';
import { capitalize, formatUtc, zoneLabel } from './format';
import { renderCard, type AdaptiveCard } from './render';

const SEVERITY_LOOK: Record<Severity, { style: string; color: string }> = {
  critical: { style: 'attention', color: 'Attention' },
  high: { style: 'attention', color: 'Attention' },
  medium: { style: 'warning', color: 'Warning' },
  low: { style: 'accent', color: 'Accent' },
};

export function alertCard(alert: AlertFinding): AdaptiveCard {
  const look = SEVERITY_LOOK[alert.severity];
  return renderCard('alert', {
    severity: capitalize(alert.severity),
    severityStyle: look.style,
    severityColor: look.color,
    alertName: alert.name,
    description: alert.description,
    resourceName: alert.resource.name,
    resourceKind: alert.resource.kind,
    zoneLabel: zoneLabel(alert.resource),
    owner: alert.resource.owner ?? 'unassigned',
    tactics: alert.tactics.length ? alert.tactics.join(', ') : 'not reported',
    callerIp: alert.callerIp ?? 'not reported',
    firstSeen: formatUtc(alert.firstSeen),
    lastSeen: formatUtc(alert.lastSeen),
    occurrences: String(alert.occurrences),
    alertType: alert.alertType,
    portalUrl: alert.portalUrl,
  });
}
