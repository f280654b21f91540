import assert from 'node:assert/strict';
import type { ConfiguredRole } from '../../../src/domain/roles';
import type { ApproverPool } from '../../../src/domain/triage/approval';
import { decide, type DecideInput } from '../../../src/domain/triage/decide';
import type { Decision, FindingFacts, PersonRef, TriageState } from '../../../src/domain/triage/types';
import { DEFAULT_ZONE_POLICIES, type Zone } from '../../../src/domain/zones';

/** Roles that cannot be stretched: accountable owner vs claimant, where approvals count, and escalation. */

const NOW = new Date('2025-06-16T14:00:00.000Z');
const LEADS_CHAT = '19:leads@thread.v2';
const COMMITTEE_CHAT = '19:committee@thread.v2';
const POLICY = { zones: DEFAULT_ZONE_POLICIES, snoozeMaxDays: 7, expiryReminderDays: 7, approvalConversations: { security_lead: LEADS_CHAT, committee: COMMITTEE_CHAT } };

type Actor = { person: PersonRef; roles: ConfiguredRole[] };
const OLIVIA: Actor = { person: { aadObjectId: 'o-1', upn: 'olivia@contoso.com', name: 'Olivia Owner' }, roles: [] };
const SAM_SOC: Actor = { person: { aadObjectId: 's-1', upn: 'sam@contoso.com', name: 'Sam SOC' }, roles: ['soc_analyst'] };
const LEE_LEAD: Actor = { person: { aadObjectId: 'l-1', upn: 'lee@contoso.com', name: 'Lee Lead' }, roles: ['security_lead'] };
const ADA_ADMIN: Actor = { person: { aadObjectId: 'a-1', upn: 'ada@contoso.com', name: 'Ada Admin' }, roles: ['admin'] };
const CAT: Actor = { person: { aadObjectId: 'c-1', upn: 'cat@contoso.com', name: 'Cat Committee' }, roles: ['committee_member'] };
const CARL: Actor = { person: { aadObjectId: 'c-2', upn: 'carl@contoso.com', name: 'Carl Committee' }, roles: ['committee_member'] };

const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString().slice(0, 10);
const JUSTIFICATION = { justification: 'Traffic is internal only until the Q3 private endpoint lands.', expiresOn: later(30) };

function act(verb: string, who: Actor, state: TriageState, o: { zone?: Zone; facts?: Partial<FindingFacts>; params?: Record<string, unknown>; approvers?: ApproverPool; conversationId?: string } = {}): Decision {
  const input: DecideInput = {
    verb,
    finding: { kind: 'recommendation', zone: o.zone ?? 1, severity: 'high', resourceOwner: OLIVIA.person.upn, defenderStatus: 'active', ...o.facts },
    state,
    actor: { person: who.person, roles: new Set(who.roles) },
    params: o.params ?? (verb === 'accept_risk' ? JUSTIFICATION : {}),
    approvers: o.approvers ?? { security_lead: ['l-1', 'l-2'], committee: ['c-1', 'c-2', 'c-3'] },
    conversationId: o.conversationId,
    now: NOW,
    policy: POLICY,
  };
  return decide(input);
}

const next = (d: Decision): TriageState => {
  assert.ok(d.ok, d.ok ? '' : d.message);
  return d.next;
};

describe('triage roles: the accountable owner, not the claimant, accepts risk', () => {
  for (const claimant of [SAM_SOC, LEE_LEAD, ADA_ADMIN]) {
    it(`${claimant.roles[0]} who claims another owner's Zone 1 finding cannot accept its risk`, () => {
      const claimed = next(act('claim', claimant, { status: 'open' }));
      assert.equal(claimed.owner?.name, claimant.person.name, 'the claim works: they now work on it');
      const d = act('accept_risk', claimant, claimed);
      assert.ok(!d.ok);
      assert.equal(d.code, 'no_role');
      assert.equal(
        d.message,
        "Only the resource's accountable owner can accept its risk. That is the resource's owner tag or Defender governance owner: here olivia@contoso.com. Claiming a finding, or having it assigned to you, does not make you its accountable owner.",
      );
      assert.ok(!act('compensating_control', claimant, claimed, { params: { description: 'WAF rules and private endpoint', reviewDate: later(30) } }).ok, 'nor record a compensating control (also an exemption)');
    });
  }

  it('someone reassigned a finding works on it but cannot accept its risk', () => {
    const state: TriageState = { status: 'claimed', owner: SAM_SOC.person };
    assert.ok(act('comment', { ...SAM_SOC, roles: [] }, state, { params: { text: 'on it' } }).ok, 'the assignee may comment');
    assert.equal((act('accept_risk', { ...SAM_SOC, roles: [] }, state) as { code: string }).code, 'no_role');
  });

  it('the owner tag accepts alone in Zone 1, even when someone else claimed the finding', () => {
    const claimed = next(act('claim', SAM_SOC, { status: 'open' }));
    const d = act('accept_risk', OLIVIA, claimed);
    assert.ok(d.ok && d.next.status === 'risk_accepted');
    assert.equal(d.role, 'owner');
  });

  it("a Defender governance owner (an assignment the bot did not write) is accountable too; matched by UPN or object id", () => {
    const gina = { person: { aadObjectId: 'g-9', upn: 'gina@contoso.com', name: 'Gina Governance' }, roles: [] };
    assert.ok(act('accept_risk', gina, { status: 'open' }, { facts: { governanceOwner: 'Gina@Contoso.com' } }).ok);
    assert.ok(act('accept_risk', gina, { status: 'open' }, { facts: { governanceOwner: 'g-9' } }).ok);
    assert.ok(!act('accept_risk', gina, { status: 'open' }).ok, 'without the assignment she is nobody here');
  });

  it('a resource without an owner tag or governance owner: nobody can accept its risk, and the message says why', () => {
    const d = act('accept_risk', OLIVIA, { status: 'open' }, { facts: { resourceOwner: undefined } });
    assert.ok(!d.ok);
    assert.match(d.message, /this resource has neither: set its owner tag first/);
  });
});

describe('triage roles: approvals count only in the approvers’ conversation, never from the requester', () => {
  const pending = () => next(act('accept_risk', OLIVIA, { status: 'open' }, { zone: 3 }));

  it('refuses an approval clicked in any other conversation, and changes nothing', () => {
    const d = act('approve', CAT, pending(), { zone: 3, conversationId: 'a:1on1-personal-chat-with-cat' });
    assert.ok(!d.ok);
    assert.equal(d.code, 'wrong_conversation');
    assert.equal(d.message, "Approvals count only in the Model Risk Committee's approval conversation, where the request was posted; open it there. Nothing was changed.");
    assert.equal((act('reject', CAT, pending(), { zone: 3, conversationId: LEADS_CHAT }) as { code: string }).code, 'wrong_conversation', "not the security leads' chat either");
    assert.equal((act('approve', CAT, pending(), { zone: 3 }) as { code: string }).code, 'wrong_conversation', 'nor without a conversation');
  });

  it('counts an approval in the committee conversation, also from a reply thread of a channel post', () => {
    const first = act('approve', CAT, pending(), { zone: 3, conversationId: COMMITTEE_CHAT });
    assert.ok(first.ok && first.next.status === 'pending_acceptance');
    const second = act('approve', CARL, first.next, { zone: 3, conversationId: `${COMMITTEE_CHAT};messageid=1718546400000` });
    assert.ok(second.ok && second.next.status === 'risk_accepted');
  });

  it('says an admin must configure the conversation when none is', () => {
    const input = { ...POLICY, approvalConversations: {} };
    const d = decide({ verb: 'approve', finding: { kind: 'recommendation', zone: 3, severity: 'high', resourceOwner: 'olivia@contoso.com', defenderStatus: 'active' }, state: pending(), actor: { person: CAT.person, roles: new Set(CAT.roles) }, params: {}, conversationId: COMMITTEE_CHAT, now: NOW, policy: input });
    assert.ok(!d.ok && d.code === 'wrong_conversation');
    assert.match(d.message, /none is configured \(triage\.approvalConversations\.committee in the policy file\): ask an admin to set it/);
  });

  it('a requester never approves or rejects their own request, wherever they click', () => {
    const catOwns = { facts: { resourceOwner: CAT.person.upn }, zone: 3 as Zone };
    const own = next(act('accept_risk', CAT, { status: 'open' }, catOwns));
    const d = act('approve', CAT, own, { ...catOwns, conversationId: COMMITTEE_CHAT });
    assert.ok(!d.ok && d.code === 'self_approval');
    const r = act('reject', CAT, own, { ...catOwns, conversationId: COMMITTEE_CHAT });
    assert.ok(!r.ok && r.code === 'self_approval');
  });
});

describe('triage roles: a request its own group cannot approve escalates', () => {
  const leadOwns = { facts: { resourceOwner: LEE_LEAD.person.upn }, zone: 2 as Zone };

  it("a single security lead's own Zone 2 request goes to the committee (two members)", () => {
    const onlyLee = { security_lead: ['l-1'], committee: ['c-1', 'c-2'] };
    const d = act('accept_risk', LEE_LEAD, { status: 'open' }, { ...leadOwns, approvers: onlyLee });
    assert.ok(d.ok);
    assert.equal(d.message, 'There are not enough security leads besides you, and nobody approves their own request, so it goes to the Model Risk Committee. Requested: two Model Risk Committee members must approve before the risk is accepted.');
    assert.deepEqual(d.notices, [{ type: 'approval_requested', approver: 'committee' }]);
    assert.deepEqual((({ approver, required, escalatedFrom }) => ({ approver, required, escalatedFrom }))(d.next.pending!), { approver: 'committee', required: 2, escalatedFrom: ['security_lead'] });

    const byLee = act('approve', LEE_LEAD, d.next, { ...leadOwns, conversationId: LEADS_CHAT });
    assert.ok(!byLee.ok && byLee.code === 'no_role', 'she cannot approve it, not even in her own chat');
    const inLeadsChat = act('approve', CAT, d.next, { ...leadOwns, conversationId: LEADS_CHAT });
    assert.ok(!inLeadsChat.ok && inLeadsChat.code === 'wrong_conversation', "it counts in the committee's conversation now");
    const first = next(act('approve', CAT, d.next, { ...leadOwns, conversationId: COMMITTEE_CHAT }));
    const done = act('approve', CARL, first, { ...leadOwns, conversationId: COMMITTEE_CHAT });
    assert.ok(done.ok && done.next.status === 'risk_accepted');
  });

  it('with a second security lead, the Zone 2 request stays with the security leads', () => {
    const d = act('accept_risk', LEE_LEAD, { status: 'open' }, { ...leadOwns, approvers: { security_lead: ['L-1', 'l-2'], committee: [] } });
    assert.ok(d.ok);
    assert.deepEqual([d.next.pending?.approver, d.next.pending?.escalatedFrom], ['security_lead', undefined]);
  });

  it('Zone 3 has no group above the committee: a request it cannot approve is refused, saying why', () => {
    const catOwns = { facts: { resourceOwner: CAT.person.upn }, zone: 3 as Zone };
    const d = act('accept_risk', CAT, { status: 'open' }, { ...catOwns, approvers: { security_lead: ['l-1'], committee: ['c-1', 'c-2'] } });
    assert.ok(!d.ok);
    assert.equal(d.code, 'no_approver');
    assert.equal(
      d.message,
      'This risk acceptance cannot be approved: Zone 3 needs two Model Risk Committee members other than you (there is one), and no group above the Model Risk Committee approves risk. Nothing was requested. An admin can add people to roles.committee_member in the policy file; until then, remediate the finding or record a compensating control.',
    );
  });

  it('Zone 2 with a lone security lead and too small a committee: refused, naming both groups', () => {
    const d = act('accept_risk', LEE_LEAD, { status: 'open' }, { ...leadOwns, approvers: { security_lead: ['l-1'], committee: ['c-1'] } });
    assert.ok(!d.ok && d.code === 'no_approver');
    assert.match(d.message, /^This risk acceptance cannot be approved: Zone 2 needs a security lead other than you \(there is none\); escalated, it would need two Model Risk Committee members other than you \(there is one\), and no group above the Model Risk Committee approves risk\./);
    assert.match(d.message, /add people to roles\.security_lead or roles\.committee_member/);
  });
});
