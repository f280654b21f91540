import type { FindingKind } from '../domain/finding';
import type { Severity, Zone } from '../domain/zones';
import type { Executor } from './executor';

export interface StoredSubscription {
  id: number;
  tenantId: string;
  conversationId: string;
  spec: { kinds: FindingKind[]; zones: Zone[]; minSeverity: Severity };
  createdBy: string;
}

/** Channel (and chat) subscriptions: which findings a conversation receives. */
export class SubscriptionStore {
  constructor(private readonly db: Executor) {}

  async add(s: Omit<StoredSubscription, 'id'>, now: Date, tx: Executor = this.db): Promise<void> {
    await tx
      .insertInto('notify_subscriptions')
      .values({
        tenant_id: s.tenantId,
        conversation_id: s.conversationId,
        kinds: s.spec.kinds.join(','),
        zones: s.spec.zones.join(','),
        min_severity: s.spec.minSeverity,
        created_by: s.createdBy,
        created_at: now.toISOString(),
      })
      .execute();
  }

  async remove(ids: number[], tx: Executor = this.db): Promise<number> {
    if (ids.length === 0) return 0;
    const r = await tx.deleteFrom('notify_subscriptions').where('id', 'in', ids).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async removeConversation(tenantId: string, conversationId: string, tx: Executor = this.db): Promise<number> {
    const r = await tx.deleteFrom('notify_subscriptions').where('tenant_id', '=', tenantId).where('conversation_id', '=', conversationId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async list(filter: { tenantId?: string; conversationId?: string } = {}, tx: Executor = this.db): Promise<StoredSubscription[]> {
    let q = tx.selectFrom('notify_subscriptions').selectAll();
    if (filter.tenantId) q = q.where('tenant_id', '=', filter.tenantId);
    if (filter.conversationId) q = q.where('conversation_id', '=', filter.conversationId);
    const rows = await q.orderBy('id').execute();
    return rows.map((r) => ({
      id: Number(r.id),
      tenantId: r.tenant_id,
      conversationId: r.conversation_id,
      spec: { kinds: r.kinds.split(',') as FindingKind[], zones: r.zones.split(',').map(Number) as Zone[], minSeverity: r.min_severity as Severity },
      createdBy: r.created_by,
    }));
  }
}
