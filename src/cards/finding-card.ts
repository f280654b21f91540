import type { Finding, TriageView } from '../domain/finding';
import { possibleVerbs } from '../domain/triage/rules';
import type { Severity } from '../domain/zones';
import { capitalize, formatUtc, zoneLabel } from './format';
import { renderCard, type AdaptiveCard } from './render';
import { VERBS } from './verbs';

/** The header's container style carries the severity; its text keeps the default colour to stay readable. */
const SEVERITY_STYLE: Record<Severity, string> = { critical: 'attention', high: 'attention', medium: 'warning', low: 'accent' };

interface Button {
  title: string;
  verb: string;
}

const PRIMARY: Button[] = [
  { title: 'Approve', verb: VERBS.approve },
  { title: 'Reject', verb: VERBS.reject },
  { title: 'Claim', verb: VERBS.claim },
  { title: 'Accept risk', verb: VERBS.accept_risk },
  { title: 'Resolve', verb: VERBS.resolve },
  { title: 'Reopen', verb: VERBS.reopen },
];
const MORE: Button[] = [
  { title: 'Reassign', verb: VERBS.reassign },
  { title: 'Compensating control', verb: VERBS.compensating_control },
  { title: 'Snooze', verb: VERBS.snooze },
  { title: 'Dismiss', verb: VERBS.dismiss },
  { title: 'Comment', verb: VERBS.comment },
];

/** Buttons for the verbs that can apply now: from the triage view, or as for an untouched (open) finding. */
function buttons(f: Finding, triage?: TriageView): { primaryActions: Button[]; moreActions: Button[] } {
  const allowed = new Set<string>(triage?.verbs ?? possibleVerbs('open', false, f));
  return { primaryActions: PRIMARY.filter((b) => allowed.has(b.verb)), moreActions: MORE.filter((b) => allowed.has(b.verb)) };
}

/** The triage block: only the fields the triage feature filled in. */
export function triageFacts(triage?: TriageView): { title: string; value: string }[] {
  if (!triage) return [];
  const facts: { title: string; value: string }[] = [];
  if (triage.statusText) facts.push({ title: 'Status', value: triage.statusText });
  if (triage.owner) facts.push({ title: 'Owner', value: triage.owner });
  if (triage.dueDate) facts.push({ title: 'Due', value: formatUtc(triage.dueDate) });
  if (triage.acceptedUntil) facts.push({ title: 'Risk accepted until', value: formatUtc(triage.acceptedUntil) });
  if (triage.pendingApprovals?.length) facts.push({ title: 'Awaiting approval', value: triage.pendingApprovals.join(', ') });
  return facts;
}

const str = (v: unknown, fallback = 'not reported') => (typeof v === 'string' && v ? v : fallback);
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

function common(lead: Finding, triage?: TriageView) {
  return {
    findingKey: lead.key,
    version: triage?.version ?? lead.version,
    severity: capitalize(lead.severity),
    severityStyle: lead.status === 'resolved' ? 'good' : SEVERITY_STYLE[lead.severity],
    title: lead.title,
    description: str(lead.details.description, 'No description from Defender.'),
    resourceName: lead.resource.name,
    resourceKind: lead.resource.kind,
    zoneLabel: zoneLabel(lead.resource),
    owner: triage?.owner || str(lead.details.governanceOwner, '') || lead.resource.owner || 'unassigned',
    firstSeen: formatUtc(lead.firstSeen),
    lastSeen: formatUtc(lead.lastSeen),
    portalUrl: str(lead.details.portalUrl, 'https://portal.azure.com/#view/Microsoft_Azure_Security/SecurityMenuBlade/~/0'),
    triageFacts: triageFacts(triage),
    ...buttons(lead, triage),
  };
}

/**
 * The card of one finding, or of a group of alerts of one type on one resource (live count, first/last
 * seen). `triage` adds the triage block and approval buttons; the triage feature supplies it.
 */
export function findingCard(findings: Finding[], triage?: TriageView): AdaptiveCard {
  if (findings.length === 0) throw new Error('findingCard needs at least one finding');
  const sorted = [...findings].sort((a, b) => a.lastSeen.getTime() - b.lastSeen.getTime());
  const lead = sorted[sorted.length - 1]!;
  const base = common(lead, triage);
  if (!base.owner) base.owner = lead.resource.owner ?? 'unassigned';
  if (lead.kind === 'alert') {
    const first = sorted.reduce((m, f) => (f.firstSeen < m ? f.firstSeen : m), lead.firstSeen);
    const active = findings.some((f) => f.status === 'active');
    const entities = [
      ...(lead.details.callerIp ? [{ title: 'Caller IP', value: String(lead.details.callerIp) }] : [{ title: 'Caller IP', value: 'not reported' }]),
      ...(lead.details.userAgent ? [{ title: 'User agent', value: String(lead.details.userAgent) }] : []),
    ];
    return renderCard('alert', {
      ...base,
      ...(active ? {} : buttons(lead, triage)),
      statusText: active ? 'Active' : 'Resolved',
      count: findings.length,
      firstSeen: formatUtc(first),
      occurrences: String(findings.length),
      tactics: list(lead.details.tactics).join(', ') || 'not reported',
      entities,
      alertType: str(lead.details.alertType, 'unknown'),
      portalTitle: 'Open in Defender portal',
    });
  }
  if (lead.kind === 'recommendation') {
    const due = lead.details.dueDate ? new Date(String(lead.details.dueDate)) : undefined;
    return renderCard('recommendation', {
      ...base,
      statusText: lead.status === 'active' ? 'Unhealthy' : 'Healthy again',
      dueDate: triage?.dueDate ? formatUtc(triage.dueDate) : due && !Number.isNaN(due.getTime()) ? formatUtc(due) : 'none',
      defenderStatus: str(lead.details.defenderStatus, lead.status === 'active' ? 'Unhealthy' : 'Healthy'),
      remediation: str(lead.details.remediation, 'See the recommendation in Defender for Cloud.'),
      portalTitle: 'Open in Defender portal',
    });
  }
  return renderCard('attack-path', {
    ...base,
    statusText: lead.status === 'active' ? 'Active' : 'No longer present',
    chainText: list(lead.details.chain).join(' → ') || lead.resource.name,
    riskLevel: str(lead.details.riskLevel, capitalize(lead.severity)),
    riskFactors: list(lead.details.riskFactors).join(', ') || 'not reported',
    remediationSteps: list(lead.details.remediation).length ? list(lead.details.remediation) : ['See the attack path in Defender for Cloud.'],
    portalTitle: 'Open attack paths',
  });
}
