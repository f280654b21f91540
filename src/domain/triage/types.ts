import type { Finding, FindingKind } from '../finding';
import type { ConfiguredRole } from '../roles';
import type { Severity, Zone, ZonePolicy } from '../zones';

/** Where a finding stands in triage. Defender's own status (active/resolved) is kept on the Finding. */
export const TRIAGE_STATUSES = ['open', 'claimed', 'pending_acceptance', 'risk_accepted', 'mitigated', 'snoozed', 'resolved', 'dismissed'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

/** Card verbs a person can use on a finding. */
export const TRIAGE_VERBS = [
  'claim',
  'reassign',
  'accept_risk',
  'compensating_control',
  'snooze',
  'resolve',
  'dismiss',
  'reopen',
  'comment',
  'approve',
  'reject',
] as const;
export type TriageVerb = (typeof TRIAGE_VERBS)[number];

/**
 * The roles a person holds toward one finding: `owner` is the resource's accountable owner (its owner tag, or the
 * owner of a Defender governance assignment the bot did not write), `assignee` the claimant or the person it was
 * assigned to, plus the configured roles. Claiming never makes anyone accountable.
 */
export type SubjectRole = 'owner' | 'assignee' | ConfiguredRole;

/** The groups that approve risk acceptances (docs/policy.md). */
export type ApproverGroup = 'security_lead' | 'committee';

export const RESOLUTION_REASONS = ['true_positive', 'false_positive', 'benign_positive'] as const;
export type ResolutionReason = (typeof RESOLUTION_REASONS)[number];

/** A person as decisions record them: the Entra object id when known, the UPN when the directory knows it. */
export interface PersonRef {
  aadObjectId?: string;
  upn?: string;
  name: string;
}

export interface Approval {
  by: PersonRef;
  at: string;
}

/** A risk acceptance waiting for approval (Zone 2: a security lead; Zone 3: two committee members). */
export interface PendingAcceptance {
  requestedBy: PersonRef;
  requestedAt: string;
  justification: string;
  expiresOn: string;
  approver: ApproverGroup;
  required: number;
  approvals: Approval[];
  /** Groups skipped because they had too few members besides the requester (Zone 2 → committee). */
  escalatedFrom?: ApproverGroup[];
  /** The status to return to on rejection. */
  returnTo: 'open' | 'claimed';
}

/** Triage state of one finding. Times are ISO-8601 strings so the state serializes canonically. */
export interface TriageState {
  status: TriageStatus;
  /** The claimant or assignee (who works on it). Not the accountable owner: that is the resource's, on the finding. */
  owner?: PersonRef;
  dueDate?: string;
  claimedAt?: string;
  isGracePeriod?: boolean;
  pending?: PendingAcceptance;
  acceptance?: { justification: string; expiresOn: string; acceptedAt: string; requestedBy: PersonRef; approvedBy: PersonRef[] };
  control?: { description: string; reviewDate: string; recordedBy: PersonRef; recordedAt: string };
  snoozedUntil?: string;
  resolution?: { verb: 'resolve' | 'dismiss'; reason: ResolutionReason; by: PersonRef; at: string };
  lastComment?: { by: PersonRef; text: string; at: string };
  /** When reminders were last sent, so the periodic job reminds once per period. */
  reminded?: { expiry?: string; overdue?: string };
}

export const INITIAL_TRIAGE_STATE: TriageState = { status: 'open' };

/** What the state machine needs to know about a finding (never taken from card data). */
export interface FindingFacts {
  kind: FindingKind;
  zone: Zone;
  severity: Severity;
  /** UPN from the resource's owner tag: the accountable owner. */
  resourceOwner?: string;
  /**
   * UPN or object id of the owner of the finding's Defender governance assignment, when someone other than the bot
   * made it (a claim written back is not accountability): also accountable. Filled by the application.
   */
  governanceOwner?: string;
  /** Defender's view: a finding Defender resolved can no longer be claimed or excepted. */
  defenderStatus: 'active' | 'resolved';
}

export function findingFacts(f: Finding): FindingFacts {
  return { kind: f.kind, zone: f.resource.zone, severity: f.severity, resourceOwner: f.resource.owner, defenderStatus: f.status };
}

/** Triage settings from the policy file (docs/policy.md). */
export interface TriagePolicy {
  zones: Record<Zone, ZonePolicy>;
  snoozeMaxDays: number;
  expiryReminderDays: number;
  /** Conversation ids where each approver group's approvals count (triage.approvalConversations). */
  approvalConversations: Partial<Record<ApproverGroup, string>>;
}

/** What to write back to Defender after a decision; the application adds the Azure ids. */
export type WriteBackEffect =
  | { type: 'governance_assignment'; owner: string; remediationDueDate: string; isGracePeriod: boolean }
  | { type: 'exemption'; category: 'Waiver' | 'Mitigated'; expiresOn: string; justification: string; requestedBy: string; approvedBy: string[] }
  | { type: 'exemption_delete' }
  | { type: 'alert_state'; state: 'Resolve' | 'Dismiss' | 'Activate' };

/** Who must hear about a decision beyond the clicking user. */
export type TriageNotice =
  | { type: 'approval_requested'; approver: ApproverGroup }
  | { type: 'outcome'; to: PersonRef; outcome: 'approved' | 'rejected' | 'reassigned' | 'expired'; text: string };

export type DenialCode =
  | 'unknown_verb'
  | 'wrong_kind'
  | 'no_role'
  | 'wrong_state'
  | 'defender_resolved'
  | 'invalid_input'
  | 'self_approval'
  | 'duplicate_approval'
  | 'expired'
  /** An approval clicked outside the approver group's configured conversation. */
  | 'wrong_conversation'
  /** A request no approver group could approve (too few members besides the requester). */
  | 'no_approver';

export type Decision =
  | {
      ok: true;
      verb: TriageVerb;
      /** The role the actor acted in, for the decision register. */
      role: SubjectRole;
      next: TriageState;
      effects: WriteBackEffect[];
      notices: TriageNotice[];
      /** Text recorded as the decision's justification (reason, comment, description). */
      justification?: string;
      /** Short confirmation for the clicking user. */
      message: string;
    }
  | { ok: false; code: DenialCode; message: string };
