import type { ConfiguredRole } from '../roles';
import type { Zone } from '../zones';
import type { ApproverGroup, PersonRef } from './types';

/**
 * Who approves a risk acceptance, how many of them, where, and what happens when the group cannot do it.
 * Pure rules; the triage state machine (decide.ts) applies them to requests and approval clicks.
 */

/** The configured role whose holders make up an approver group. */
export const APPROVER_ROLE: Record<ApproverGroup, ConfiguredRole> = { security_lead: 'security_lead', committee: 'committee_member' };

/** Approvals a request needs, each from a different person, none from the requester. */
export const REQUIRED_APPROVALS: Record<ApproverGroup, number> = { security_lead: 1, committee: 2 };

/** Where a request goes when its group has too few members besides the requester: up to the committee, then nowhere. */
export const NEXT_APPROVERS: Record<ApproverGroup, ApproverGroup | undefined> = { security_lead: 'committee', committee: undefined };

export const GROUP_LABELS: Record<ApproverGroup, { one: string; many: string; group: string; policyKey: string }> = {
  security_lead: { one: 'a security lead', many: 'security leads', group: 'the security leads', policyKey: 'roles.security_lead' },
  committee: { one: 'a Model Risk Committee member', many: 'Model Risk Committee members', group: 'the Model Risk Committee', policyKey: 'roles.committee_member' },
};

/** The Entra object ids holding each approver role (from the RoleDirectory). */
export type ApproverPool = Record<ApproverGroup, readonly string[]>;

const NUMBERS = ['no', 'one', 'two', 'three'];
const count = (n: number) => NUMBERS[n] ?? String(n);

/** How many of a group could approve a request by `requester` (everyone in it but the requester). */
export function eligibleApprovers(pool: ApproverPool, group: ApproverGroup, requester: PersonRef): number {
  const self = requester.aadObjectId?.toLowerCase();
  return new Set(pool[group].map((id) => id.toLowerCase()).filter((id) => id !== self)).size;
}

export type Routing = { ok: true; approver: ApproverGroup; required: number; escalatedFrom: ApproverGroup[] } | { ok: false; message: string };

/**
 * The group a new request goes to: the zone's group when it has enough members besides the requester, else
 * the next group up. A request no group can approve is refused with the reason, before anyone waits on it.
 */
export function routeRequest(zone: Zone, first: ApproverGroup, requester: PersonRef, pool: ApproverPool): Routing {
  const needs: string[] = [];
  const escalatedFrom: ApproverGroup[] = [];
  for (let group: ApproverGroup | undefined = first; group; group = NEXT_APPROVERS[group]) {
    const eligible = eligibleApprovers(pool, group, requester);
    const required = REQUIRED_APPROVALS[group];
    if (eligible >= required) return { ok: true, approver: group, required, escalatedFrom };
    escalatedFrom.push(group);
    const need = required === 1 ? GROUP_LABELS[group].one : `${count(required)} ${GROUP_LABELS[group].many}`;
    const have = eligible === 0 ? 'there is none' : eligible === 1 ? 'there is one' : `there are ${count(eligible)}`;
    needs.push(`${need} other than you (${have})`);
  }
  const [zoneNeed, ...escalated] = needs;
  const then = escalated.map((n) => `; escalated, it would need ${n}`).join('');
  return {
    ok: false,
    message:
      `This risk acceptance cannot be approved: Zone ${zone} needs ${zoneNeed}${then}, and no group above ${GROUP_LABELS[escalatedFrom.at(-1)!].group} approves risk. ` +
      `Nothing was requested. An admin can add people to ${escalatedFrom.map((g) => GROUP_LABELS[g].policyKey).join(' or ')} in the policy file; until then, remediate the finding or record a compensating control.`,
  };
}

/** What the requester is told when the request went to another group than the zone's. */
export function escalationNote(from: readonly ApproverGroup[], to: ApproverGroup): string {
  const skipped = from.map((g) => GROUP_LABELS[g].many).join(' and ');
  return `There are not enough ${skipped} besides you, and nobody approves their own request, so it goes to ${GROUP_LABELS[to].group}. `;
}

/** Conversation ids compare without Teams' reply-thread suffix (a channel post's replies carry `;messageid=…`). */
export const baseConversationId = (id: string): string => id.split(';messageid=')[0]!.trim().toLowerCase();

/**
 * Why an approval click does not count where it was made, or undefined when it does: approvals and rejections
 * count only in the conversation the policy names for the request's approver group.
 */
export function approvalPlaceProblem(group: ApproverGroup, conversationId: string | undefined, conversations: Partial<Record<ApproverGroup, string>>): string | undefined {
  const where = conversations[group];
  const who = `${GROUP_LABELS[group].group}'${group === 'committee' ? 's' : ''}`;
  if (!where) {
    return `Approvals for ${GROUP_LABELS[group].many} count only in ${who} approval conversation, and none is configured (triage.approvalConversations.${group} in the policy file): ask an admin to set it. Nothing was changed.`;
  }
  if (!conversationId || baseConversationId(conversationId) !== baseConversationId(where)) {
    return `Approvals count only in ${who} approval conversation, where the request was posted; open it there. Nothing was changed.`;
  }
  return undefined;
}
