import type { Executor } from './executor';

export interface NotifyConversation {
  tenantId: string;
  conversationId: string;
  userAadObjectId?: string;
  userUpn?: string;
  defaultsApplied: boolean;
  unreachable?: { at: string; reason: string };
}

/**
 * What the notification pipeline knows about a conversation beyond its reference: the user of a personal
 * chat (for owner DMs), whether default subscriptions were applied, and whether Teams still lets the bot in.
 */
export class NotifyConversationStore {
  constructor(private readonly db: Executor) {}

  private async ensure(tenantId: string, conversationId: string, tx: Executor): Promise<void> {
    await tx
      .insertInto('notify_conversations')
      .values({ tenant_id: tenantId, conversation_id: conversationId, user_aad_object_id: null, user_upn: null, defaults_applied_at: null, unreachable_at: null, unreachable_reason: null })
      .onConflict((oc) => oc.columns(['tenant_id', 'conversation_id']).doNothing())
      .execute();
  }

  async setUser(tenantId: string, conversationId: string, user: { aadObjectId?: string; upn?: string }, tx: Executor = this.db): Promise<void> {
    await this.ensure(tenantId, conversationId, tx);
    const set: { user_aad_object_id?: string; user_upn?: string } = {};
    if (user.aadObjectId) set.user_aad_object_id = user.aadObjectId;
    if (user.upn) set.user_upn = user.upn;
    if (Object.keys(set).length === 0) return;
    await tx.updateTable('notify_conversations').set(set).where('tenant_id', '=', tenantId).where('conversation_id', '=', conversationId).execute();
  }

  /** Marks default subscriptions as applied; false when they already were (install events repeat). */
  async claimDefaults(tenantId: string, conversationId: string, now: Date, tx: Executor = this.db): Promise<boolean> {
    await this.ensure(tenantId, conversationId, tx);
    const r = await tx
      .updateTable('notify_conversations')
      .set({ defaults_applied_at: now.toISOString() })
      .where('tenant_id', '=', tenantId)
      .where('conversation_id', '=', conversationId)
      .where('defaults_applied_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async markUnreachable(tenantId: string, conversationId: string, reason: string, now: Date, tx: Executor = this.db): Promise<void> {
    await this.ensure(tenantId, conversationId, tx);
    await tx
      .updateTable('notify_conversations')
      .set({ unreachable_at: now.toISOString(), unreachable_reason: reason })
      .where('tenant_id', '=', tenantId)
      .where('conversation_id', '=', conversationId)
      .execute();
  }

  async clearUnreachable(tenantId: string, conversationId: string, tx: Executor = this.db): Promise<void> {
    await tx.updateTable('notify_conversations').set({ unreachable_at: null, unreachable_reason: null }).where('tenant_id', '=', tenantId).where('conversation_id', '=', conversationId).execute();
  }

  async remove(tenantId: string, conversationId: string, tx: Executor = this.db): Promise<void> {
    await tx.deleteFrom('notify_conversations').where('tenant_id', '=', tenantId).where('conversation_id', '=', conversationId).execute();
  }

  async list(tx: Executor = this.db): Promise<NotifyConversation[]> {
    const rows = await tx.selectFrom('notify_conversations').selectAll().execute();
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      conversationId: r.conversation_id,
      userAadObjectId: r.user_aad_object_id ?? undefined,
      userUpn: r.user_upn ?? undefined,
      defaultsApplied: r.defaults_applied_at !== null,
      unreachable: r.unreachable_at ? { at: r.unreachable_at, reason: r.unreachable_reason ?? '' } : undefined,
    }));
  }
}
