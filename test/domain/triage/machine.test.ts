import assert from 'node:assert/strict';
import type { ConfiguredRole } from '../../../src/domain/roles';
import { decide, type DecideInput } from '../../../src/domain/triage/decide';
import type { FindingFacts, PersonRef, TriageState, TriageStatus, TriageVerb } from '../../../src/domain/triage/types';
import { DEFAULT_ZONE_POLICIES } from '../../../src/domain/zones';

const NOW = new Date('2025-06-16T14:00:00.000Z');
const COMMITTEE_CHAT = '19:committee@thread.v2';
const LEADS_CHAT = '19:leads@thread.v2';
const POLICY = { zones: DEFAULT_ZONE_POLICIES, snoozeMaxDays: 7, expiryReminderDays: 7, approvalConversations: { security_lead: LEADS_CHAT, committee: COMMITTEE_CHAT } };
/** Who holds the approver roles (Entra object ids): enough people that no request needs escalating by default. */
const APPROVERS = { security_lead: ['l-1', 'l-2'], committee: ['c-1', 'c-2', 'c-3'] };

/** The accountable owner: the resource's owner tag. */
const OWNER: PersonRef = { aadObjectId: 'o-1', upn: 'olivia@contoso.com', name: 'Olivia Owner' };
/** Who claimed it (or had it assigned) in the claimed states: works on it, is not accountable for it. */
const ASSIGNEE: PersonRef = { aadObjectId: 'g-1', upn: 'gus@contoso.com', name: 'Gus Assignee' };
const ACTORS: Record<string, { person: PersonRef; roles: ConfiguredRole[] }> = {
  owner: { person: OWNER, roles: [] },
  assignee: { person: ASSIGNEE, roles: [] },
  soc: { person: { aadObjectId: 's-1', upn: 'sam@contoso.com', name: 'Sam SOC' }, roles: ['soc_analyst'] },
  lead: { person: { aadObjectId: 'l-1', upn: 'lee@contoso.com', name: 'Lee Lead' }, roles: ['security_lead'] },
  committee: { person: { aadObjectId: 'c-1', upn: 'cat@contoso.com', name: 'Cat Committee' }, roles: ['committee_member'] },
  admin: { person: { aadObjectId: 'a-1', upn: 'ada@contoso.com', name: 'Ada Admin' }, roles: ['admin'] },
  none: { person: { aadObjectId: 'n-1', upn: 'nobody@contoso.com', name: 'Nick Nobody' }, roles: [] },
};
const ROLE_COLUMNS = ['owner', 'assignee', 'soc', 'lead', 'committee', 'admin', 'none'] as const;

const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();
const claimed = { owner: ASSIGNEE, dueDate: later(3), claimedAt: NOW.toISOString(), isGracePeriod: false };
const STATES: Record<TriageStatus, TriageState> = {
  open: { status: 'open' },
  claimed: { status: 'claimed', ...claimed },
  pending_acceptance: {
    status: 'pending_acceptance',
    ...claimed,
    pending: { requestedBy: OWNER, requestedAt: NOW.toISOString(), justification: 'Vendor fix ships next quarter; traffic is internal only.', expiresOn: later(30), approver: 'committee', required: 2, approvals: [], returnTo: 'claimed' },
  },
  risk_accepted: { status: 'risk_accepted', ...claimed, acceptance: { justification: 'x'.repeat(20), expiresOn: later(30), acceptedAt: NOW.toISOString(), requestedBy: OWNER, approvedBy: [] } },
  mitigated: { status: 'mitigated', ...claimed, control: { description: 'WAF in front', reviewDate: later(30), recordedBy: OWNER, recordedAt: NOW.toISOString() } },
  snoozed: { status: 'snoozed', ...claimed, snoozedUntil: later(2) },
  resolved: { status: 'resolved', ...claimed, resolution: { verb: 'resolve', reason: 'true_positive', by: OWNER, at: NOW.toISOString() } },
  dismissed: { status: 'dismissed', ...claimed, resolution: { verb: 'dismiss', reason: 'false_positive', by: OWNER, at: NOW.toISOString() } },
};

const VALID_PARAMS: Record<TriageVerb, Record<string, unknown>> = {
  claim: {},
  reassign: { assignee: 'dana@contoso.com' },
  accept_risk: { justification: 'Compensated by network isolation until the Q3 platform migration.', expiresOn: later(60).slice(0, 10) },
  compensating_control: { description: 'Private endpoint plus WAF rules', reviewDate: later(30).slice(0, 10) },
  snooze: { days: '3' },
  resolve: { reason: 'true_positive' },
  dismiss: { reason: 'false_positive' },
  reopen: {},
  comment: { text: 'Looking into it.' },
  approve: {},
  reject: { reason: 'Not convincing' },
};
const ALERT_VERBS = new Set<TriageVerb>(['snooze', 'resolve', 'dismiss']);

/**
 * The state machine's specification. Rows: the state the finding is in; columns: who clicks (owner = the
 * resource's accountable owner, assignee = who claimed it in the states that have a claimant, then the
 * configured roles, then a user with no role). A cell is the status after the click, `R` (denied: lacks the
 * role) or `S` (denied: not possible in this state). `=` means allowed and the status is unchanged. Zone 3, so
 * risk acceptance needs two committee members; approvals are clicked in the committee's conversation.
 */
const SPEC: Record<TriageVerb, string> = {
  //                   owner  assignee soc  lead   comm   admin  none
  claim: `
    open               claimed R claimed claimed R claimed R
    claimed            S S S S S S S
    pending_acceptance S S S S S S S
    risk_accepted      S S S S S S S
    mitigated          S S S S S S S
    snoozed            claimed claimed claimed claimed R claimed R
    resolved           S S S S S S S
    dismissed          S S S S S S S`,
  reassign: `
    open               claimed R R claimed R claimed R
    claimed            claimed claimed R claimed R claimed R
    pending_acceptance S S S S S S S
    risk_accepted      S S S S S S S
    mitigated          S S S S S S S
    snoozed            S S S S S S S
    resolved           S S S S S S S
    dismissed          S S S S S S S`,
  accept_risk: `
    open               pending_acceptance R R R R R R
    claimed            pending_acceptance R R R R R R
    pending_acceptance S S S S S S S
    risk_accepted      S S S S S S S
    mitigated          S S S S S S S
    snoozed            S S S S S S S
    resolved           S S S S S S S
    dismissed          S S S S S S S`,
  compensating_control: `
    open               mitigated R R R R R R
    claimed            mitigated R R R R R R
    pending_acceptance S S S S S S S
    risk_accepted      S S S S S S S
    mitigated          S S S S S S S
    snoozed            S S S S S S S
    resolved           S S S S S S S
    dismissed          S S S S S S S`,
  snooze: `
    open               snoozed R snoozed R R R R
    claimed            snoozed snoozed snoozed R R R R
    pending_acceptance S S S S S S S
    risk_accepted      S S S S S S S
    mitigated          S S S S S S S
    snoozed            S S S S S S S
    resolved           S S S S S S S
    dismissed          S S S S S S S`,
  resolve: `
    open               R R resolved R R resolved R
    claimed            R R resolved R R resolved R
    pending_acceptance S S S S S S S
    risk_accepted      S S S S S S S
    mitigated          S S S S S S S
    snoozed            R R resolved R R resolved R
    resolved           S S S S S S S
    dismissed          S S S S S S S`,
  dismiss: `
    open               R R dismissed R R dismissed R
    claimed            R R dismissed R R dismissed R
    pending_acceptance S S S S S S S
    risk_accepted      S S S S S S S
    mitigated          S S S S S S S
    snoozed            R R dismissed R R dismissed R
    resolved           S S S S S S S
    dismissed          S S S S S S S`,
  reopen: `
    open               S S S S S S S
    claimed            S S S S S S S
    pending_acceptance S S S S S S S
    risk_accepted      claimed claimed claimed claimed R claimed R
    mitigated          claimed claimed claimed claimed R claimed R
    snoozed            claimed claimed claimed claimed R claimed R
    resolved           claimed claimed claimed claimed R claimed R
    dismissed          claimed claimed claimed claimed R claimed R`,
  comment: `
    open               = R = = = = R
    claimed            = = = = = = R
    pending_acceptance = = = = = = R
    risk_accepted      = = = = = = R
    mitigated          = = = = = = R
    snoozed            = = = = = = R
    resolved           = = = = = = R
    dismissed          = = = = = = R`,
  approve: `
    open               S S S S S S S
    claimed            S S S S S S S
    pending_acceptance R R R R pending_acceptance R R
    risk_accepted      S S S S S S S
    mitigated          S S S S S S S
    snoozed            S S S S S S S
    resolved           S S S S S S S
    dismissed          S S S S S S S`,
  reject: `
    open               S S S S S S S
    claimed            S S S S S S S
    pending_acceptance R R R R claimed R R
    risk_accepted      S S S S S S S
    mitigated          S S S S S S S
    snoozed            S S S S S S S
    resolved           S S S S S S S
    dismissed          S S S S S S S`,
};

function input(verb: string, state: TriageState, actor: keyof typeof ACTORS, facts: Partial<FindingFacts> = {}, params?: Record<string, unknown>): DecideInput {
  const a = ACTORS[actor]!;
  return {
    verb,
    finding: { kind: ALERT_VERBS.has(verb as TriageVerb) ? 'alert' : 'recommendation', zone: 3, severity: 'critical', resourceOwner: OWNER.upn, defenderStatus: 'active', ...facts },
    state,
    actor: { person: a.person, roles: new Set(a.roles) },
    params: params ?? VALID_PARAMS[verb as TriageVerb] ?? {},
    assignee: { aadObjectId: 'd-1', upn: 'dana@contoso.com', name: 'Dana Dev' },
    approvers: APPROVERS,
    conversationId: COMMITTEE_CHAT,
    now: NOW,
    policy: POLICY,
  };
}

describe('triage state machine: every (state, verb, role)', () => {
  for (const [verb, table] of Object.entries(SPEC) as [TriageVerb, string][]) {
    const rows = table.trim().split('\n').map((l) => l.trim().split(/\s+/));
    it(`${verb}: ${rows.length} states × ${ROLE_COLUMNS.length} roles`, () => {
      assert.equal(rows.length, 8, 'every state has a row');
      for (const [status, ...cells] of rows) {
        assert.equal(cells.length, ROLE_COLUMNS.length, `${verb}/${status} has a cell per role`);
        cells.forEach((cell, i) => {
          const role = ROLE_COLUMNS[i]!;
          const state = STATES[status as TriageStatus];
          const d = decide(input(verb, state, role));
          const where = `${verb} by ${role} on ${status}`;
          if (cell === 'R') {
            assert.equal(d.ok, false, `${where} must be denied`);
            if (!d.ok) {
              assert.equal(d.code, 'no_role', `${where}: ${d.message}`);
              assert.match(d.message, /^Only /);
            }
          } else if (cell === 'S') {
            assert.equal(d.ok, false, `${where} must be denied`);
            if (!d.ok) {
              assert.equal(d.code, 'wrong_state', `${where}: ${d.message}`);
              assert.ok(d.message.length > 10);
            }
          } else {
            assert.equal(d.ok, true, `${where} must be allowed: ${d.ok ? '' : d.message}`);
            if (d.ok) assert.equal(d.next.status, cell === '=' ? status : cell, where);
          }
        });
      }
    });
  }
});

describe('triage state machine: rules and messages', () => {
  it('claims a Zone 3 critical finding due 72 hours out, with no grace period', () => {
    const d = decide(input('claim', STATES.open, 'owner'));
    assert.ok(d.ok);
    assert.equal(d.next.dueDate, '2025-06-19T14:00:00.000Z');
    assert.deepEqual(d.next.owner, OWNER);
    assert.deepEqual(d.effects, [{ type: 'governance_assignment', owner: OWNER.upn, remediationDueDate: '2025-06-19T14:00:00.000Z', isGracePeriod: false }]);
  });

  it('lets the claimant pick an earlier due date but not a later one', () => {
    const earlier = decide(input('claim', STATES.open, 'owner', {}, { dueDate: '2025-06-18' }));
    assert.ok(earlier.ok);
    assert.equal(earlier.next.dueDate, '2025-06-18T23:59:59.000Z');
    const lastDay = decide(input('claim', STATES.open, 'owner', {}, { dueDate: '2025-06-19' }));
    assert.ok(lastDay.ok && lastDay.next.dueDate === '2025-06-19T14:00:00.000Z', 'the SLA day itself is capped at the SLA time');
    const tooLate = decide(input('claim', STATES.open, 'owner', {}, { dueDate: '2025-06-25' }));
    assert.ok(!tooLate.ok && tooLate.code === 'invalid_input');
    assert.match(tooLate.message, /Zone 3 \(Regulated\) gives a critical finding until 2025-06-19/);
  });

  it('says who claimed it first', () => {
    const d = decide(input('claim', STATES.claimed, 'soc'));
    assert.ok(!d.ok);
    assert.equal(d.message, 'Already claimed by Gus Assignee (due 2025-06-19).');
  });

  it('Zone 1: the owner accepts risk alone, with an exemption Waiver written back', () => {
    const d = decide(input('accept_risk', STATES.claimed, 'owner', { zone: 1 }));
    assert.ok(d.ok);
    assert.equal(d.next.status, 'risk_accepted');
    assert.equal(d.effects[0]!.type, 'exemption');
  });

  it('Zone 2: a security lead approves; the requester is told', () => {
    const req = decide(input('accept_risk', STATES.claimed, 'owner', { zone: 2 }));
    assert.ok(req.ok && req.next.status === 'pending_acceptance');
    assert.deepEqual(req.notices, [{ type: 'approval_requested', approver: 'security_lead' }]);
    assert.ok(!decide({ ...input('approve', req.next, 'committee', { zone: 2 }), conversationId: LEADS_CHAT }).ok, 'a committee member is not the Zone 2 approver');
    const ok = decide({ ...input('approve', req.next, 'lead', { zone: 2 }), conversationId: LEADS_CHAT });
    assert.ok(ok.ok && ok.next.status === 'risk_accepted');
    assert.equal(ok.notices[0]!.type, 'outcome');
  });

  it('Zone 3: two different committee members, neither the requester', () => {
    const requester = { person: ACTORS.committee!.person, roles: new Set<ConfiguredRole>(['committee_member']) };
    // A committee member who owns the resource requests; they cannot approve their own request.
    const req = decide({ ...input('accept_risk', STATES.open, 'owner', { resourceOwner: requester.person.upn }), actor: requester });
    assert.ok(req.ok && req.next.status === 'pending_acceptance');
    const self = decide({ ...input('approve', req.next, 'committee', { resourceOwner: requester.person.upn }) });
    assert.ok(!self.ok && self.code === 'self_approval', 'the requester cannot approve');
    const m1 = { person: { aadObjectId: 'c-2', name: 'Member Two' }, roles: new Set<ConfiguredRole>(['committee_member']) };
    const m2 = { person: { aadObjectId: 'c-3', name: 'Member Three' }, roles: new Set<ConfiguredRole>(['committee_member']) };
    const first = decide({ ...input('approve', req.next, 'committee'), actor: m1 });
    assert.ok(first.ok && first.next.status === 'pending_acceptance');
    const twice = decide({ ...input('approve', first.next, 'committee'), actor: m1 });
    assert.ok(!twice.ok && twice.code === 'duplicate_approval');
    assert.match(twice.message, /already approved/);
    const second = decide({ ...input('approve', first.next, 'committee'), actor: m2 });
    assert.ok(second.ok && second.next.status === 'risk_accepted');
    assert.deepEqual(second.next.acceptance!.approvedBy.map((p) => p.name), ['Member Two', 'Member Three']);
    assert.equal(second.effects[0]!.type, 'exemption');
    const again = decide({ ...input('approve', second.next, 'committee'), actor: m1 });
    assert.ok(!again.ok && /already been decided/.test(again.message), 'an already-decided request');
  });

  it('refuses an approval after the requested expiry has passed', () => {
    const state = { ...STATES.pending_acceptance, pending: { ...STATES.pending_acceptance.pending!, expiresOn: '2025-06-15T00:00:00.000Z' } };
    const d = decide(input('approve', state, 'committee'));
    assert.ok(!d.ok && d.code === 'expired');
  });

  const bad: [string, TriageVerb, Record<string, unknown>, RegExp][] = [
    ['a justification too short', 'accept_risk', { justification: 'because', expiresOn: later(10).slice(0, 10) }, /at least 20 characters .*you wrote 7/],
    ['an expiry beyond the zone maximum', 'accept_risk', { justification: 'x'.repeat(25), expiresOn: later(120).slice(0, 10) }, /at most 90 days; pick 2025-09-14 or earlier/],
    ['an expiry in the past', 'accept_risk', { justification: 'x'.repeat(25), expiresOn: '2025-06-01' }, /after today/],
    ['a malformed date', 'accept_risk', { justification: 'x'.repeat(25), expiresOn: 'next tuesday' }, /after today/],
    ['a review date beyond the maximum', 'compensating_control', { description: 'Private endpoint plus WAF', reviewDate: later(200).slice(0, 10) }, /within 90 days/],
    ['a snooze over 7 days', 'snooze', { days: '10' }, /at most 7 days/],
    ['a resolve without a reason', 'resolve', {}, /reason: pick true positive, false positive or benign positive/],
    ['an empty comment', 'comment', { text: '  ' }, /text: is empty/],
    ['a justification with a broken character', 'accept_risk', { justification: `${'x'.repeat(25)}\ud800`, expiresOn: later(10).slice(0, 10) }, /^justification: contains a broken character \(an unpaired UTF-16 surrogate\)/],
    ['a comment with a control character', 'comment', { text: 'see\u0000here' }, /^text: contains an invisible control character \(U\+0000\)/],
    ['a description with an escape sequence', 'compensating_control', { description: 'WAF \u001b[31m rules', reviewDate: later(30).slice(0, 10) }, /^description: contains an invisible control character \(U\+001B\)/],
  ];
  for (const [name, verb, params, message] of bad) {
    it(`refuses ${name}`, () => {
      const actor = ALERT_VERBS.has(verb) ? 'soc' : 'owner';
      const d = decide(input(verb, STATES.open, actor, {}, params));
      assert.ok(!d.ok, name);
      assert.equal(d.code, 'invalid_input');
      assert.match(d.message, message);
    });
  }

  it('refuses unknown verbs, the wrong kind of finding and findings Defender resolved', () => {
    const unknown = decide(input('delete_everything', STATES.open, 'admin'));
    assert.ok(!unknown.ok && unknown.code === 'unknown_verb');
    const kind = decide(input('accept_risk', STATES.open, 'owner', { kind: 'alert' }));
    assert.ok(!kind.ok && kind.code === 'wrong_kind');
    assert.match(kind.message, /only on recommendations or attack paths/);
    const gone = decide(input('claim', STATES.open, 'owner', { defenderStatus: 'resolved' }));
    assert.ok(!gone.ok && gone.code === 'defender_resolved');
  });

  it('reassigns only to people the directory knows, and not to the current owner', () => {
    const unknown = decide({ ...input('reassign', STATES.claimed, 'lead'), assignee: undefined });
    assert.ok(!unknown.ok && /not a person I know/.test(unknown.message));
    const same = decide({ ...input('reassign', STATES.claimed, 'lead'), assignee: ASSIGNEE });
    assert.ok(!same.ok && /already owns/.test(same.message));
  });
});
