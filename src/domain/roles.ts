/**
 * Roles a user can hold through configuration. "Owner" and "assignee" are not listed: they are relations between
 * a user and a finding (the resource's accountable owner; whoever claimed it), decided per finding.
 */
export const CONFIGURED_ROLES = ['security_lead', 'soc_analyst', 'committee_member', 'admin'] as const;
export type ConfiguredRole = (typeof CONFIGURED_ROLES)[number];

/** The user behind an activity, as Teams identifies them (the server never trusts ids from card data). */
export interface Actor {
  aadObjectId: string;
  name?: string;
}

/** Answers which configured roles a user holds (from user ids, or group ids resolved by an adapter). */
export interface RoleDirectory {
  rolesOf(actor: Actor): Promise<ReadonlySet<ConfiguredRole>>;
  /**
   * The Entra object ids of everyone holding a role (triage asks for the approver roles, to send a request no
   * one but the requester could approve to the next group up).
   */
  membersOf(role: ConfiguredRole): Promise<readonly string[]>;
}

/** Who is in an Entra group, nested groups included (lowercase object ids); Microsoft Graph answers in Azure mode. */
export interface GroupMembers {
  memberIds(groupId: string): Promise<ReadonlySet<string>>;
}
