import type { TriageView, Finding } from '../../domain/finding';
import type { DirectoryUser } from '../../domain/triage/ports';
import type { TriagePolicy } from '../../domain/triage/types';
import { addDays, isoDay } from '../../domain/triage/inputs';
import { remediationDueDate, ZONE_NAMES } from '../../domain/zones';
import { findingCard } from '../../cards/finding-card';
import { capitalize } from '../../cards/format';
import { renderCard, type AdaptiveCard } from '../../cards/render';

/** Verbs that need inputs; a bare button click (no inputs in the data) answers with their form. */
export const FORM_FIELDS: Record<string, string[]> = {
  reassign: ['assignee'],
  accept_risk: ['justification', 'expiresOn'],
  compensating_control: ['description', 'reviewDate'],
  snooze: ['days'],
  resolve: ['reason'],
  dismiss: ['reason'],
  comment: ['text'],
};

export function needsForm(verb: string, data: Record<string, unknown>): boolean {
  const fields = FORM_FIELDS[verb];
  return !!fields && fields.every((f) => data[f] === undefined);
}

const HEADINGS: Record<string, [heading: string, submit: string]> = {
  claim: ['Claim remediation', 'Claim'],
  reassign: ['Reassign', 'Reassign'],
  accept_risk: ['Accept risk', 'Accept risk'],
  compensating_control: ['Record a compensating control', 'Record control'],
  snooze: ['Snooze alert', 'Snooze'],
  resolve: ['Resolve alert', 'Resolve'],
  dismiss: ['Dismiss alert', 'Dismiss'],
  comment: ['Comment', 'Add comment'],
  reject: ['Reject risk acceptance', 'Reject'],
  reopen: ['Reopen', 'Reopen'],
};

function help(verb: string, f: Finding, policy: TriagePolicy): string {
  const zone = policy.zones[f.resource.zone];
  if (verb === 'accept_risk') {
    if (zone.riskAcceptance === 'owner') return `Zone ${f.resource.zone} lets the owner accept risk for up to ${zone.maxRiskAcceptanceDays} days.`;
    if (zone.riskAcceptance === 'security_lead') return `Zone ${f.resource.zone} needs a security lead to approve before the risk is accepted.`;
    return `Zone ${f.resource.zone} needs two Model Risk Committee members (neither of them you) to approve before the risk is accepted.`;
  }
  if (verb === 'compensating_control') return 'The control is written to Azure Policy as a Mitigated exemption until its review date.';
  if (verb === 'snooze') return `Alerts can be snoozed for at most ${policy.snoozeMaxDays} days.`;
  if (verb === 'resolve' || verb === 'dismiss') return 'The classification is written back to Defender with the alert state.';
  return 'Your decision is recorded in the decision register.';
}

/** The input form of a verb, re-shown with the entered values and the reason when validation failed. */
export function triageForm(verb: string, f: Finding, policy: TriagePolicy, people: DirectoryUser[], now: Date, values: Record<string, unknown> = {}, message = ''): AdaptiveCard {
  const zone = policy.zones[f.resource.zone];
  const limit =
    verb === 'claim' ? remediationDueDate(f.resource.zone, f.severity, now, policy.zones) : verb === 'snooze' ? addDays(now, policy.snoozeMaxDays) : addDays(now, zone.maxRiskAcceptanceDays);
  const [heading, submitTitle] = HEADINGS[verb] ?? [verb, 'Submit'];
  const v = (k: string, d = '') => (typeof values[k] === 'string' || typeof values[k] === 'number' ? String(values[k]) : d);
  const snoozeChoices = [1, 3, 7].filter((d) => d <= policy.snoozeMaxDays).map((d) => ({ title: d === 1 ? '1 day' : `${d} days`, value: String(d) }));
  return renderCard('triage-form', {
    verb,
    heading,
    submitTitle: verb === 'accept_risk' && zone.riskAcceptance !== 'owner' ? 'Request approval' : submitTitle,
    findingTitle: f.title,
    zoneLabel: `Zone ${f.resource.zone} (${ZONE_NAMES[f.resource.zone]})`,
    severity: capitalize(f.severity),
    help: help(verb, f, policy),
    message,
    findingKey: f.key,
    version: f.version,
    justification: v('justification'),
    expiresOn: v('expiresOn', isoDay(addDays(now, Math.min(30, zone.maxRiskAcceptanceDays)))),
    description: v('description'),
    reviewDate: v('reviewDate', isoDay(addDays(now, Math.min(30, zone.maxRiskAcceptanceDays)))),
    days: v('days', '1'),
    reason: v('reason'),
    assignee: v('assignee'),
    dueDate: v('dueDate', isoDay(limit)),
    minDate: isoDay(addDays(now, 1)),
    maxDate: isoDay(limit),
    maxDays: zone.maxRiskAcceptanceDays,
    snoozeChoices,
    people: people.map((p) => ({ title: `${p.name} (${p.upn})`, value: p.aadObjectId })),
    textField: verb === 'comment' ? 'text' : 'reason',
    textLabel: verb === 'comment' ? 'Comment' : 'Reason (optional)',
    text: v(verb === 'comment' ? 'text' : 'reason'),
  });
}

/** The finding's card with its triage view, and the answer to the click on top. */
export function answerCard(f: Finding, view: TriageView, message: string, tone: 'good' | 'attention' | 'default'): AdaptiveCard {
  const card = findingCard([f], view);
  if (!message) return card;
  const note = { type: 'TextBlock', text: message, wrap: true, weight: 'Bolder', color: tone === 'good' ? 'Good' : tone === 'attention' ? 'Attention' : 'Default' };
  return { ...card, body: [note, ...((card.body as unknown[]) ?? [])] };
}
