import type { Finding } from '../domain/finding';
import type { Zone } from '../domain/zones';
import { capitalize, formatUtc, zoneLabel } from './format';
import { renderCard, type AdaptiveCard } from './render';

/** Lines beyond this are counted, not listed, to stay under Teams' ~28 KB message limit. */
const MAX_LINES = 120;

/** One summary card per zone for a storm: totals by severity and, behind "Show all", every group with its count. */
export function stormCard(zone: Zone, findings: Finding[], openedAt: Date): AdaptiveCard {
  const bySeverity = new Map<string, number>();
  const groups = new Map<string, number>();
  let last = openedAt;
  for (const f of findings) {
    bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
    const label = `${f.kind === 'alert' ? String(f.details.alertType ?? f.title) : f.title} on ${f.resource.name}`;
    groups.set(label, (groups.get(label) ?? 0) + 1);
    if (f.firstSeen > last) last = f.firstSeen;
  }
  const lines = [...groups.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([label, n]) => ({ text: `${n} × ${label}` }));
  return renderCard('storm-summary', {
    zone,
    zoneLabel: zoneLabel({ zone, zoneKnown: true }),
    total: findings.length,
    since: formatUtc(openedAt),
    lastSeen: formatUtc(last),
    bySeverity: ['critical', 'high', 'medium', 'low'].filter((s) => bySeverity.has(s)).map((s) => ({ title: capitalize(s), value: String(bySeverity.get(s)) })),
    lines: lines.slice(0, MAX_LINES),
    more: Math.max(0, lines.length - MAX_LINES),
    portalUrl: 'https://portal.azure.com/#view/Microsoft_Azure_Security/SecurityMenuBlade/~/7',
  });
}
