import type { FindingKind } from '../finding';
import { TRIAGE_STATUSES, TRIAGE_VERBS, type SubjectRole, type TriageStatus, type TriageVerb } from './types';

/**
 * Who may use a verb, on which kinds of finding and from which states. `owner` is the resource's accountable
 * owner, `assignee` whoever claimed it or had it assigned; `approver` means the role of the group the pending
 * request went to (a security lead, or a committee member). Order of `who` matters: the first role the actor
 * holds is the one recorded in the decision register. Only the accountable owner may except a finding from
 * Defender (risk acceptance, compensating control).
 */
export interface VerbRule {
  from: readonly TriageStatus[];
  who: readonly (SubjectRole | 'approver')[];
  kinds: readonly FindingKind[];
  /** Refused once Defender reports the finding resolved (nothing left to own or to except). */
  needsActive: boolean;
  /** Phrase for messages: "claim it", "accept the risk". */
  phrase: string;
}

const ALL_KINDS: readonly FindingKind[] = ['alert', 'recommendation', 'attack_path'];
const POSTURE: readonly FindingKind[] = ['recommendation', 'attack_path'];
const ALERTS: readonly FindingKind[] = ['alert'];

export const VERB_RULES: Record<TriageVerb, VerbRule> = {
  claim: { from: ['open', 'snoozed'], who: ['owner', 'assignee', 'soc_analyst', 'security_lead', 'admin'], kinds: ALL_KINDS, needsActive: true, phrase: 'claim it' },
  reassign: { from: ['open', 'claimed'], who: ['owner', 'assignee', 'security_lead', 'admin'], kinds: ALL_KINDS, needsActive: true, phrase: 'reassign it' },
  accept_risk: { from: ['open', 'claimed'], who: ['owner'], kinds: POSTURE, needsActive: true, phrase: 'accept its risk' },
  compensating_control: { from: ['open', 'claimed'], who: ['owner'], kinds: POSTURE, needsActive: true, phrase: 'record a compensating control' },
  snooze: { from: ['open', 'claimed'], who: ['owner', 'assignee', 'soc_analyst'], kinds: ALERTS, needsActive: true, phrase: 'snooze it' },
  resolve: { from: ['open', 'claimed', 'snoozed'], who: ['soc_analyst', 'admin'], kinds: ALERTS, needsActive: false, phrase: 'resolve it' },
  dismiss: { from: ['open', 'claimed', 'snoozed'], who: ['soc_analyst', 'admin'], kinds: ALERTS, needsActive: false, phrase: 'dismiss it' },
  reopen: {
    from: ['risk_accepted', 'mitigated', 'snoozed', 'resolved', 'dismissed'],
    who: ['owner', 'assignee', 'soc_analyst', 'security_lead', 'admin'],
    kinds: ALL_KINDS,
    needsActive: false,
    phrase: 'reopen it',
  },
  comment: { from: TRIAGE_STATUSES, who: ['owner', 'assignee', 'soc_analyst', 'security_lead', 'committee_member', 'admin'], kinds: ALL_KINDS, needsActive: false, phrase: 'comment on it' },
  approve: { from: ['pending_acceptance'], who: ['approver'], kinds: POSTURE, needsActive: true, phrase: 'approve the risk acceptance' },
  reject: { from: ['pending_acceptance'], who: ['approver'], kinds: POSTURE, needsActive: false, phrase: 'reject the risk acceptance' },
};

export const ROLE_LABELS: Record<SubjectRole, string> = {
  owner: "the resource's accountable owner",
  assignee: 'the assignee',
  soc_analyst: 'a SOC analyst',
  security_lead: 'a security lead',
  committee_member: 'a Model Risk Committee member',
  admin: 'an admin',
};

export const STATUS_LABELS: Record<TriageStatus, string> = {
  open: 'open',
  claimed: 'claimed',
  pending_acceptance: 'waiting for risk-acceptance approval',
  risk_accepted: 'risk accepted',
  mitigated: 'covered by a compensating control',
  snoozed: 'snoozed',
  resolved: 'resolved',
  dismissed: 'dismissed',
};

export const KIND_LABELS: Record<FindingKind, string> = { alert: 'alerts', recommendation: 'recommendations', attack_path: 'attack paths' };

/** Verbs that can apply to a finding in a triage state (who may use them is checked when one is clicked). */
export function possibleVerbs(status: TriageStatus, hasPendingRequest: boolean, finding: { kind: FindingKind; status: 'active' | 'resolved' }): TriageVerb[] {
  return TRIAGE_VERBS.filter((verb) => {
    const rule = VERB_RULES[verb];
    if (!rule.kinds.includes(finding.kind) || !rule.from.includes(status)) return false;
    if (rule.needsActive && finding.status !== 'active') return false;
    return (verb !== 'approve' && verb !== 'reject') || hasPendingRequest;
  });
}
