import assert from 'node:assert/strict';
import { scheduledChange } from '../../../src/domain/triage/schedule';
import type { FindingFacts, TriageState } from '../../../src/domain/triage/types';
import { DEFAULT_ZONE_POLICIES } from '../../../src/domain/zones';

const NOW = new Date('2025-06-16T14:00:00.000Z');
const POLICY = { zones: DEFAULT_ZONE_POLICIES, snoozeMaxDays: 7, expiryReminderDays: 7, approvalConversations: {} };
const FACTS: FindingFacts = { kind: 'recommendation', zone: 3, severity: 'high', resourceOwner: 'olivia@contoso.com', defenderStatus: 'active' };
const OWNER = { aadObjectId: 'o-1', upn: 'olivia@contoso.com', name: 'Olivia' };
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();
const accepted = (expiresInDays: number): TriageState => ({
  status: 'risk_accepted',
  owner: OWNER,
  dueDate: days(-10),
  acceptance: { justification: 'x'.repeat(20), expiresOn: days(expiresInDays), acceptedAt: days(-80), requestedBy: OWNER, approvedBy: [] },
});

describe('triage schedule rules (expiry, reminders)', () => {
  it('reminds the owner once when an acceptance expires within 7 days', () => {
    const first = scheduledChange(FACTS, accepted(5), NOW, POLICY);
    assert.equal(first?.verb, 'remind_expiry');
    assert.match(first!.notify!.text, /expires on 2025-06-21/);
    assert.equal(scheduledChange(FACTS, first!.next, NOW, POLICY), undefined, 'not twice');
    assert.equal(scheduledChange(FACTS, accepted(30), NOW, POLICY), undefined, 'not a month ahead');
  });

  it('reopens an expired acceptance, back to its owner', () => {
    const change = scheduledChange(FACTS, accepted(-1), NOW, POLICY);
    assert.equal(change?.verb, 'expire');
    assert.equal(change!.next.status, 'claimed');
    assert.equal(change!.next.acceptance, undefined);
    assert.deepEqual(change!.notify!.to, OWNER);
  });

  it('wakes a snoozed alert and lapses an unapproved request', () => {
    assert.equal(scheduledChange({ ...FACTS, kind: 'alert' }, { status: 'snoozed', snoozedUntil: days(-0.1) }, NOW, POLICY)?.next.status, 'open');
    const pending: TriageState = {
      status: 'pending_acceptance',
      pending: { requestedBy: OWNER, requestedAt: days(-3), justification: 'x'.repeat(20), expiresOn: days(-0.5), approver: 'committee', required: 2, approvals: [], returnTo: 'open' },
    };
    assert.equal(scheduledChange(FACTS, pending, NOW, POLICY)?.verb, 'expire');
  });

  it('reminds an overdue owner at most once a day', () => {
    const overdue: TriageState = { status: 'claimed', owner: OWNER, dueDate: days(-1) };
    const first = scheduledChange(FACTS, overdue, NOW, POLICY);
    assert.equal(first?.verb, 'remind_overdue');
    assert.equal(scheduledChange(FACTS, first!.next, new Date(NOW.getTime() + 3_600_000), POLICY), undefined);
    assert.equal(scheduledChange(FACTS, first!.next, new Date(NOW.getTime() + 25 * 3_600_000), POLICY)?.verb, 'remind_overdue');
    assert.equal(scheduledChange(FACTS, { ...overdue, dueDate: days(1) }, NOW, POLICY), undefined, 'not before the due date');
  });
});
