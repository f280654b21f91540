import type { Finding } from '../domain/finding';
import { matches, type SubscriptionSpec } from './subscription';

export interface ConversationKey {
  tenantId: string;
  conversationId: string;
}

export interface RoutingTables {
  subscriptions: (ConversationKey & { spec: SubscriptionSpec })[];
  /** Personal chats with the user they belong to, as far as the bot learned it. */
  personalChats: (ConversationKey & { upn?: string | null; aadObjectId?: string | null })[];
  ownerDms: boolean;
}

export interface Route extends ConversationKey {
  reason: 'subscription' | 'owner';
}

/** The owner of a finding: a governance assignment's owner wins over the resource's owner tag. */
export function ownerOf(finding: Pick<Finding, 'resource' | 'details'>): string | undefined {
  const assigned = finding.details.governanceOwner;
  if (typeof assigned === 'string' && assigned.trim()) return assigned.trim();
  return finding.resource.owner?.trim() || undefined;
}

/**
 * Where a finding goes: every conversation with a matching subscription, plus the owner's personal chat when
 * the bot has one (owners are UPNs or Entra object ids). Each conversation appears once.
 */
export function routeFinding(finding: Finding, tables: RoutingTables): Route[] {
  const out = new Map<string, Route>();
  for (const s of tables.subscriptions) {
    const id = `${s.tenantId}\u0000${s.conversationId}`;
    if (!out.has(id) && matches(s.spec, finding)) out.set(id, { tenantId: s.tenantId, conversationId: s.conversationId, reason: 'subscription' });
  }
  const owner = tables.ownerDms ? ownerOf(finding)?.toLowerCase() : undefined;
  if (owner) {
    for (const p of tables.personalChats) {
      const id = `${p.tenantId}\u0000${p.conversationId}`;
      if (out.has(id)) continue;
      if (p.upn?.toLowerCase() === owner || p.aadObjectId?.toLowerCase() === owner) out.set(id, { tenantId: p.tenantId, conversationId: p.conversationId, reason: 'owner' });
    }
  }
  return [...out.values()];
}
