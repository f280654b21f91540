import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { CONFIGURED_ROLES, type Actor, type ConfiguredRole, type GroupMembers, type RoleDirectory } from '../domain/roles';
import type { DirectoryUser, UserDirectory } from '../domain/triage/ports';
import { DEFAULT_ZONE_POLICIES, zonePolicySchema, type Zone, type ZonePolicy } from '../domain/zones';

const GUID = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be an Entra object id (GUID)');
const members = z.object({ users: z.array(GUID).default([]), groups: z.array(GUID).default([]) }).strict();

/**
 * The governance policy file (env/policy.<APP_ENV>.json): who holds which role, and per-zone overrides of the
 * SLA and approval defaults of DESIGN.md §2. Validated once at start-up like the rest of the configuration.
 */
export const policySchema = z
  .object({
    roles: z
      .object({
        security_lead: members.default({}),
        soc_analyst: members.default({}),
        committee_member: members.default({}),
        admin: members.default({}),
      })
      .strict()
      .default({}),
    zones: z
      .object({ '1': zonePolicySchema.partial().optional(), '2': zonePolicySchema.partial().optional(), '3': zonePolicySchema.partial().optional() })
      .strict()
      .default({}),
    /** People the bot can name and assign: Entra object id ↔ UPN (resource owner tags carry UPNs). */
    users: z.array(z.object({ aadObjectId: GUID, upn: z.string().email('must be a UPN (name@domain)'), name: z.string().min(1) }).strict()).default([]),
    triage: z
      .object({
        snoozeMaxDays: z.number().int().min(1).max(30).default(7),
        expiryReminderDays: z.number().int().min(1).max(90).default(7),
        /** Conversation ids (saved by installing the bot there) that receive approval requests. */
        approvalConversations: z.object({ security_lead: z.string().min(1).optional(), committee: z.string().min(1).optional() }).strict().default({}),
      })
      .strict()
      .default({}),
  })
  .strict();

export interface Policy {
  roles: Record<ConfiguredRole, { users: string[]; groups: string[] }>;
  zones: Record<Zone, ZonePolicy>;
  users: DirectoryUser[];
  triage: { snoozeMaxDays: number; expiryReminderDays: number; approvalConversations: { security_lead?: string; committee?: string } };
}

export class PolicyError extends Error {}

export function parsePolicy(json: unknown, source: string): Policy {
  const result = policySchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new PolicyError(`Invalid policy file ${source}:\n${issues}\nFix the file; docs/policy.md describes every field.`);
  }
  const p = result.data;
  const zones = { 1: { ...DEFAULT_ZONE_POLICIES[1], ...p.zones['1'] }, 2: { ...DEFAULT_ZONE_POLICIES[2], ...p.zones['2'] }, 3: { ...DEFAULT_ZONE_POLICIES[3], ...p.zones['3'] } };
  return { roles: p.roles as Policy['roles'], zones, users: p.users, triage: p.triage };
}

export function loadPolicy(path: string): Policy {
  if (!existsSync(path)) throw new PolicyError(`Policy file ${path} not found: set POLICY_FILE or create it (see docs/policy.md).`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new PolicyError(`Policy file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parsePolicy(json, path);
}

/**
 * Roles from the policy: a user holds a role when listed by object id, or when a member (nested groups included)
 * of a group the role names. Groups need a `GroupMembers` source (Microsoft Graph in Azure mode); without one, or
 * while it fails, a group grants nothing (fail closed).
 */
export class PolicyRoleDirectory implements RoleDirectory {
  constructor(
    private readonly policy: Policy,
    private readonly groups?: GroupMembers,
  ) {}

  async rolesOf(actor: Actor): Promise<ReadonlySet<ConfiguredRole>> {
    const id = actor.aadObjectId.toLowerCase();
    const held = new Set<ConfiguredRole>();
    for (const role of CONFIGURED_ROLES) {
      const { users, groups } = this.policy.roles[role];
      if (users.some((u) => u.toLowerCase() === id) || (await this.inAnyGroup(id, groups))) held.add(role);
    }
    return held;
  }

  /** Whether the policy names groups that only a directory can resolve. */
  get namesGroups(): boolean {
    return CONFIGURED_ROLES.some((r) => this.policy.roles[r].groups.length > 0);
  }

  private async inAnyGroup(id: string, groups: readonly string[]): Promise<boolean> {
    for (const g of groups) if ((await this.membersOfGroup(g))?.has(id)) return true;
    return false;
  }

  /** Everyone holding a role: the users it lists and the members of its groups that can be read (fail closed). */
  async membersOf(role: ConfiguredRole): Promise<readonly string[]> {
    const { users, groups } = this.policy.roles[role];
    const ids = new Set(users.map((u) => u.toLowerCase()));
    for (const g of groups) for (const id of (await this.membersOfGroup(g)) ?? []) ids.add(id);
    return [...ids];
  }

  /** A group's members, or undefined without a directory or while it fails (the source logs the failure). */
  private async membersOfGroup(groupId: string): Promise<ReadonlySet<string> | undefined> {
    return this.groups?.memberIds(groupId).catch(() => undefined);
  }
}

/** The user directory from the policy file's `users` (embedded mode: the Agents Playground's mock users). */
export class StaticUserDirectory implements UserDirectory {
  constructor(private readonly users: readonly DirectoryUser[]) {}

  async byObjectId(aadObjectId: string): Promise<DirectoryUser | undefined> {
    return this.users.find((u) => u.aadObjectId.toLowerCase() === aadObjectId.toLowerCase());
  }

  async byUpn(upn: string): Promise<DirectoryUser | undefined> {
    return this.users.find((u) => u.upn.toLowerCase() === upn.toLowerCase());
  }

  async list(): Promise<DirectoryUser[]> {
    return [...this.users];
  }

  async search(text: string, top: number): Promise<DirectoryUser[]> {
    return this.users.filter((u) => matchesPerson(u, text)).slice(0, top);
  }
}

/** Typeahead match: the name, any word of it, or the UPN starts with the text (case-insensitive). */
export function matchesPerson(u: DirectoryUser, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (!q) return true;
  const name = u.name.toLowerCase();
  return name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q)) || u.upn.toLowerCase().startsWith(q);
}
