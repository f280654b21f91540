import type { ConfiguredRole } from '../roles';
import { remediationDueDate, ZONE_NAMES } from '../zones';
import { APPROVER_ROLE, approvalPlaceProblem, escalationNote, GROUP_LABELS, routeRequest, type ApproverPool } from './approval';
import { addDays, isoDay, MIN_JUSTIFICATION, PARAM_SCHEMAS, parseWhen, type TriageParams } from './inputs';
import { KIND_LABELS, ROLE_LABELS, STATUS_LABELS, VERB_RULES } from './rules';
import {
  TRIAGE_VERBS,
  type Decision,
  type DenialCode,
  type FindingFacts,
  type PersonRef,
  type ResolutionReason,
  type SubjectRole,
  type TriagePolicy,
  type TriageState,
  type TriageVerb,
} from './types';

export interface DecideInput {
  verb: string;
  finding: FindingFacts;
  state: TriageState;
  actor: { person: PersonRef; roles: ReadonlySet<ConfiguredRole> };
  /** Card inputs (untrusted); validated here. */
  params: Record<string, unknown>;
  /** For `reassign`: the picked person as the user directory knows them (undefined: not in the directory). */
  assignee?: PersonRef;
  /** For `accept_risk`: who holds the approver roles (a request no group can approve is refused up front; absent: nobody). */
  approvers?: ApproverPool;
  /** The conversation the click came from (approvals count only in the approver group's conversation). */
  conversationId?: string;
  now: Date;
  policy: TriagePolicy;
}

const deny = (code: DenialCode, message: string): Decision => ({ ok: false, code, message });

export const isTriageVerb = (v: string): v is TriageVerb => (TRIAGE_VERBS as readonly string[]).includes(v);

export function samePerson(a: PersonRef | undefined, b: PersonRef | undefined): boolean {
  if (!a || !b) return false;
  if (a.aadObjectId && b.aadObjectId) return a.aadObjectId.toLowerCase() === b.aadObjectId.toLowerCase();
  return !!a.upn && !!b.upn && a.upn.toLowerCase() === b.upn.toLowerCase();
}

/** The resource's accountable owners: its owner tag and an independent governance owner (UPNs or object ids). */
export const accountableOwners = (f: FindingFacts): string[] => [f.resourceOwner, f.governanceOwner].filter((o): o is string => !!o?.trim());

/**
 * The roles the actor holds toward this finding: `owner` when they are one of the resource's accountable owners,
 * `assignee` when they claimed it or it was assigned to them (never enough to accept its risk).
 */
export function subjectRoles(input: Pick<DecideInput, 'finding' | 'state' | 'actor'>): Set<SubjectRole> {
  const roles = new Set<SubjectRole>(input.actor.roles);
  const { upn, aadObjectId } = input.actor.person;
  const mine = [upn, aadObjectId].filter((v): v is string => !!v).map((v) => v.toLowerCase());
  if (accountableOwners(input.finding).some((o) => mine.includes(o.trim().toLowerCase()))) roles.add('owner');
  if (samePerson(input.actor.person, input.state.owner)) roles.add('assignee');
  return roles;
}

const nameOf = (p: PersonRef | undefined): string => p?.name || p?.upn || 'someone';

const list = (words: string[]): string => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`);

/** Says who the accountable owner is when only they may act, and that claiming is not enough. */
function ownerHint(who: SubjectRole[], held: ReadonlySet<SubjectRole>, finding: FindingFacts): string {
  if (!who.includes('owner') || who.includes('assignee')) return '';
  const owners = accountableOwners(finding);
  const named =
    owners.length > 0
      ? ` That is the resource's owner tag or Defender governance owner: here ${list(owners)}.`
      : " That is the resource's owner tag or Defender governance owner, and this resource has neither: set its owner tag first.";
  return `${named}${held.has('assignee') ? ' Claiming a finding, or having it assigned to you, does not make you its accountable owner.' : ''}`;
}

/**
 * The triage state machine: one pure decision per click. Checks, in order: verb, kind of finding, Defender's
 * status, the current state, the actor's role, where an approval was clicked, then the inputs. Allowed → the
 * next state, the Defender write-backs and who to notify; denied → a reason the user can act on.
 */
export function decide(input: DecideInput): Decision {
  const { verb, finding, state } = input;
  if (!isTriageVerb(verb)) return deny('unknown_verb', `"${verb.slice(0, 40)}" is not something I can do on a finding.`);
  const rule = VERB_RULES[verb];
  if (!rule.kinds.includes(finding.kind)) {
    return deny('wrong_kind', `You can ${rule.phrase} only on ${list(rule.kinds.map((k) => KIND_LABELS[k]))}, and this is one of the ${KIND_LABELS[finding.kind]}.`);
  }
  if (rule.needsActive && finding.defenderStatus === 'resolved' && !['resolved', 'dismissed'].includes(state.status)) {
    return deny('defender_resolved', `Defender reports this finding as resolved, so there is nothing to ${rule.phrase.split(' ')[0]}.`);
  }
  const held = subjectRoles(input);
  const approverRole: ConfiguredRole | undefined = state.pending ? APPROVER_ROLE[state.pending.approver] : undefined;
  const role = rule.who.map((w) => (w === 'approver' ? approverRole : w)).find((w): w is SubjectRole => !!w && held.has(w));
  if (!rule.from.includes(state.status)) return deny('wrong_state', stateMessage(verb, state));
  if (!role) {
    const who = rule.who.map((w) => (w === 'approver' ? approverRole : w)).filter((w): w is SubjectRole => !!w);
    return deny('no_role', `Only ${list(who.map((w) => ROLE_LABELS[w]))} can ${rule.phrase}.${ownerHint(who, held, finding)}`);
  }
  if ((verb === 'approve' || verb === 'reject') && state.pending) {
    const problem = approvalPlaceProblem(state.pending.approver, input.conversationId, input.policy.approvalConversations);
    if (problem) return deny('wrong_conversation', problem);
  }
  const parsed = PARAM_SCHEMAS[verb].safeParse(input.params ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return deny('invalid_input', `${String(issue.path[0] ?? 'input')}: ${issue.message}.`);
  }
  return TRANSITIONS[verb](input, role, parsed.data as never);
}

function stateMessage(verb: TriageVerb, state: TriageState): string {
  if (verb === 'claim' && state.status === 'claimed') return `Already claimed by ${nameOf(state.owner)}${state.dueDate ? ` (due ${isoDay(new Date(state.dueDate))})` : ''}.`;
  if ((verb === 'approve' || verb === 'reject') && state.status !== 'pending_acceptance') {
    return `There is no pending risk acceptance to ${verb}: it has already been decided (this finding is ${STATUS_LABELS[state.status]}).`;
  }
  if (state.status === 'pending_acceptance') return `A risk acceptance is waiting for approval; approve or reject it first.`;
  return `You can't ${VERB_RULES[verb].phrase} while this finding is ${STATUS_LABELS[state.status]}.`;
}

type Transition<V extends TriageVerb> = (input: DecideInput, role: SubjectRole, params: TriageParams[V]) => Decision;

const ok = (verb: TriageVerb, role: SubjectRole, next: TriageState, message: string, extra: Partial<Extract<Decision, { ok: true }>> = {}): Decision => ({
  ok: true,
  verb,
  role,
  next,
  effects: [],
  notices: [],
  message,
  ...extra,
});

/** A Defender governance owner is an email address; fall back to the object id when no UPN is known. */
export const ownerId = (p: PersonRef): string => p.upn ?? p.aadObjectId ?? p.name;

function claimLike(input: DecideInput, role: SubjectRole, owner: PersonRef, verb: 'claim' | 'reassign', dueDate?: Date): Decision {
  const { finding, now, policy, state } = input;
  const zone = policy.zones[finding.zone];
  const due = dueDate ?? (state.status === 'claimed' && state.dueDate ? new Date(state.dueDate) : remediationDueDate(finding.zone, finding.severity, now, policy.zones));
  const next: TriageState = {
    status: 'claimed',
    owner,
    dueDate: due.toISOString(),
    claimedAt: verb === 'claim' || !state.claimedAt ? now.toISOString() : state.claimedAt,
    isGracePeriod: zone.gracePeriodDays > 0,
    ...(state.lastComment ? { lastComment: state.lastComment } : {}),
  };
  // Defender governance assignments exist for recommendations (assessments) only.
  const effects =
    finding.kind === 'recommendation'
      ? [{ type: 'governance_assignment' as const, owner: ownerId(owner), remediationDueDate: next.dueDate!, isGracePeriod: next.isGracePeriod! }]
      : [];
  const notices = verb === 'reassign' && !samePerson(owner, input.actor.person) ? [{ type: 'outcome' as const, to: owner, outcome: 'reassigned' as const, text: `${nameOf(input.actor.person)} assigned you a finding, due ${isoDay(due)}.` }] : [];
  const message = verb === 'claim' ? `You own this now; due ${isoDay(due)}.` : `Assigned to ${nameOf(owner)}; due ${isoDay(due)}.`;
  return ok(verb, role, next, message, { effects, notices });
}

function acceptanceEffect(justification: string, expiresOn: string, requestedBy: PersonRef, approvedBy: PersonRef[], category: 'Waiver' | 'Mitigated') {
  return { type: 'exemption' as const, category, expiresOn, justification, requestedBy: ownerId(requestedBy), approvedBy: approvedBy.map(ownerId) };
}

/** The status a finding returns to when an exception ends: claimed if someone owns it. */
const baseStatus = (state: TriageState): 'open' | 'claimed' => (state.owner ? 'claimed' : 'open');

function keep(state: TriageState): TriageState {
  const { owner, dueDate, claimedAt, isGracePeriod, lastComment } = state;
  return JSON.parse(JSON.stringify({ owner, dueDate, claimedAt, isGracePeriod, lastComment })) as TriageState;
}

/** The state after an exception, snooze or closure ends (reopen, expiry, wake): ownership kept, the rest dropped. */
export const reopened = (state: TriageState): TriageState => ({ ...keep(state), status: baseStatus(state) });

const TRANSITIONS: { [V in TriageVerb]: Transition<V> } = {
  claim(input, role, p) {
    const { finding, now, policy } = input;
    const limit = remediationDueDate(finding.zone, finding.severity, now, policy.zones);
    let due: Date | undefined;
    if (p.dueDate) {
      due = parseWhen(p.dueDate, limit);
      if (!due || due <= now) return deny('invalid_input', `dueDate: pick a date after today.`);
      if (due > limit) return deny('invalid_input', `dueDate: Zone ${finding.zone} (${ZONE_NAMES[finding.zone]}) gives a ${finding.severity} finding until ${isoDay(limit)}; pick that date or an earlier one.`);
    }
    return claimLike(input, role, input.actor.person, 'claim', due);
  },
  reassign(input, role, p) {
    if (!input.assignee) return deny('invalid_input', `assignee: "${p.assignee.slice(0, 80)}" is not a person I know; pick someone from the list.`);
    if (samePerson(input.assignee, input.state.owner)) return deny('invalid_input', `assignee: ${nameOf(input.assignee)} already owns this finding.`);
    return claimLike(input, role, input.assignee, 'reassign');
  },
  accept_risk(input, role, p) {
    const { finding, now, policy, state, actor } = input;
    const zone = policy.zones[finding.zone];
    if (p.justification.length < MIN_JUSTIFICATION) {
      return deny('invalid_input', `justification: a risk acceptance needs at least ${MIN_JUSTIFICATION} characters explaining why (you wrote ${p.justification.length}).`);
    }
    const limit = addDays(now, zone.maxRiskAcceptanceDays);
    const expires = parseWhen(p.expiresOn, limit);
    if (!expires || expires <= now) return deny('invalid_input', 'expiresOn: pick a date after today.');
    if (expires > limit) {
      return deny('invalid_input', `expiresOn: Zone ${finding.zone} (${ZONE_NAMES[finding.zone]}) allows risk acceptance for at most ${zone.maxRiskAcceptanceDays} days; pick ${isoDay(limit)} or earlier.`);
    }
    const expiresOn = expires.toISOString();
    if (zone.riskAcceptance === 'owner') {
      const next: TriageState = {
        ...keep(state),
        status: 'risk_accepted',
        acceptance: { justification: p.justification, expiresOn, acceptedAt: now.toISOString(), requestedBy: actor.person, approvedBy: [actor.person] },
      };
      return ok('accept_risk', role, next, `Risk accepted until ${isoDay(expires)}.`, {
        justification: p.justification,
        effects: finding.kind === 'recommendation' ? [acceptanceEffect(p.justification, expiresOn, actor.person, [actor.person], 'Waiver')] : [],
      });
    }
    const route = routeRequest(finding.zone, zone.riskAcceptance, actor.person, input.approvers ?? { security_lead: [], committee: [] });
    if (!route.ok) return deny('no_approver', route.message);
    const { approver, required, escalatedFrom } = route;
    const pending = { requestedBy: actor.person, requestedAt: now.toISOString(), justification: p.justification, expiresOn, approver, required, approvals: [], returnTo: baseStatus(state) };
    const next: TriageState = { ...keep(state), status: 'pending_acceptance', pending: escalatedFrom.length > 0 ? { ...pending, escalatedFrom } : pending };
    const who = required === 1 ? GROUP_LABELS[approver].one : `two ${GROUP_LABELS[approver].many}`;
    const note = escalatedFrom.length > 0 ? escalationNote(escalatedFrom, approver) : '';
    return ok('accept_risk', role, next, `${note}Requested: ${who} must approve before the risk is accepted.`, {
      justification: p.justification,
      notices: [{ type: 'approval_requested', approver }],
    });
  },
  compensating_control(input, role, p) {
    const { finding, now, policy, state, actor } = input;
    const zone = policy.zones[finding.zone];
    const limit = addDays(now, zone.maxRiskAcceptanceDays);
    const review = parseWhen(p.reviewDate, limit);
    if (!review || review <= now) return deny('invalid_input', 'reviewDate: pick a date after today.');
    if (review > limit) return deny('invalid_input', `reviewDate: Zone ${finding.zone} (${ZONE_NAMES[finding.zone]}) needs a review within ${zone.maxRiskAcceptanceDays} days; pick ${isoDay(limit)} or earlier.`);
    const reviewDate = review.toISOString();
    const next: TriageState = { ...keep(state), status: 'mitigated', control: { description: p.description, reviewDate, recordedBy: actor.person, recordedAt: now.toISOString() } };
    return ok('compensating_control', role, next, `Compensating control recorded; review by ${isoDay(review)}.`, {
      justification: p.description,
      effects: finding.kind === 'recommendation' ? [acceptanceEffect(p.description, reviewDate, actor.person, [actor.person], 'Mitigated')] : [],
    });
  },
  snooze(input, role, p) {
    const max = input.policy.snoozeMaxDays;
    if (p.days > max) return deny('invalid_input', `days: alerts can be snoozed for at most ${max} days.`);
    const until = addDays(input.now, p.days);
    return ok('snooze', role, { ...keep(input.state), status: 'snoozed', snoozedUntil: until.toISOString() }, `Snoozed until ${isoDay(until)}.`);
  },
  resolve: (input, role, p) => close(input, role, 'resolve', p.reason),
  dismiss: (input, role, p) => close(input, role, 'dismiss', p.reason),
  reopen(input, role, p) {
    const { state, finding } = input;
    const effects =
      finding.kind === 'alert' && (state.status === 'resolved' || state.status === 'dismissed')
        ? [{ type: 'alert_state' as const, state: 'Activate' as const }]
        : finding.kind === 'recommendation' && (state.status === 'risk_accepted' || state.status === 'mitigated')
          ? [{ type: 'exemption_delete' as const }]
          : [];
    return ok('reopen', role, reopened(state), 'Reopened.', { effects, justification: p.reason });
  },
  comment(input, role, p) {
    const next: TriageState = { ...input.state, lastComment: { by: input.actor.person, text: p.text, at: input.now.toISOString() } };
    return ok('comment', role, next, 'Comment added.', { justification: p.text });
  },
  approve(input, role) {
    const { state, actor, now, finding } = input;
    const pending = state.pending!;
    if (samePerson(pending.requestedBy, actor.person)) return deny('self_approval', 'You requested this risk acceptance, so someone else must approve it.');
    if (pending.approvals.some((a) => samePerson(a.by, actor.person))) return deny('duplicate_approval', 'You have already approved this request; it needs a different approver.');
    if (new Date(pending.expiresOn) <= now) return deny('expired', `This request asked for an acceptance until ${isoDay(new Date(pending.expiresOn))}, which has passed; the owner must ask again.`);
    const approvals = [...pending.approvals, { by: actor.person, at: now.toISOString() }];
    if (approvals.length < pending.required) {
      return ok('approve', role, { ...state, pending: { ...pending, approvals } }, `Approved (${approvals.length} of ${pending.required}); waiting for another approver.`);
    }
    const approvedBy = approvals.map((a) => a.by);
    const next: TriageState = {
      ...keep(state),
      status: 'risk_accepted',
      acceptance: { justification: pending.justification, expiresOn: pending.expiresOn, acceptedAt: now.toISOString(), requestedBy: pending.requestedBy, approvedBy },
    };
    const until = isoDay(new Date(pending.expiresOn));
    return ok('approve', role, next, `Approved: risk accepted until ${until}.`, {
      justification: pending.justification,
      effects: finding.kind === 'recommendation' ? [acceptanceEffect(pending.justification, pending.expiresOn, pending.requestedBy, approvedBy, 'Waiver')] : [],
      notices: [{ type: 'outcome', to: pending.requestedBy, outcome: 'approved', text: `Your risk acceptance was approved by ${approvedBy.map(nameOf).join(' and ')}; accepted until ${until}.` }],
    });
  },
  reject(input, role, p) {
    const { state, actor } = input;
    const pending = state.pending!;
    if (samePerson(pending.requestedBy, actor.person)) return deny('self_approval', 'You requested this risk acceptance, so someone else must decide on it.');
    const next: TriageState = { ...keep(state), status: pending.returnTo };
    const why = p.reason ? `: ${p.reason}` : '.';
    return ok('reject', role, next, 'Rejected; the finding is back with its owner.', {
      justification: p.reason,
      notices: [{ type: 'outcome', to: pending.requestedBy, outcome: 'rejected', text: `${nameOf(actor.person)} rejected your risk acceptance${why}` }],
    });
  },
};

function close(input: DecideInput, role: SubjectRole, verb: 'resolve' | 'dismiss', reason: ResolutionReason): Decision {
  const { state, actor, now } = input;
  const next: TriageState = { ...keep(state), status: verb === 'resolve' ? 'resolved' : 'dismissed', resolution: { verb, reason, by: actor.person, at: now.toISOString() } };
  const label = reason.replace('_', ' ');
  return ok(verb, role, next, `${verb === 'resolve' ? 'Resolved' : 'Dismissed'} as ${label}.`, {
    justification: label,
    effects: [{ type: 'alert_state', state: verb === 'resolve' ? 'Resolve' : 'Dismiss' }],
  });
}
