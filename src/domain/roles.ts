/**
 * Roles a user can hold through configuration. "Owner" is not listed: it is a relation between a user and a
 * finding (the resource's owner tag or the claimant), decided per finding.
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
}

/** Who is in an Entra group, nested groups included (lowercase object ids); Microsoft Graph answers in Azure mode. */
export interface GroupMembers {
  memberIds(groupId: string): Promise<ReadonlySet<string>>;
}
