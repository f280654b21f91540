import type { Executor } from './executor';

export type OutboxOp = 'post' | 'update';
/**
 * pending → in_flight → sent; or → failed (retry budget spent, or a permanent error), dropped (conversation
 * gone) or unconfirmed (the process died while a post was in flight: it may have arrived, so it is not re-posted).
 */
export type OutboxStatus = 'pending' | 'in_flight' | 'sent' | 'failed' | 'dropped' | 'unconfirmed';

export interface OutboxItem {
  id: number;
  tenantId: string;
  conversationId: string;
  cardId: number;
  op: OutboxOp;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
}

type Row = { id: number; tenant_id: string; conversation_id: string; card_id: number; op: string; status: string; attempts: number; next_attempt_at: number | string; last_error: string | null };

const fromRow = (r: Row): OutboxItem => ({
  id: Number(r.id),
  tenantId: r.tenant_id,
  conversationId: r.conversation_id,
  cardId: Number(r.card_id),
  op: r.op as OutboxOp,
  status: r.status as OutboxStatus,
  attempts: Number(r.attempts),
  nextAttemptAt: Number(r.next_attempt_at),
  lastError: r.last_error ?? undefined,
});

export interface DeliveryCounts {
  tenantId: string;
  conversationId: string;
  pending: number;
  failed: number;
  unconfirmed: number;
  sent: number;
}

/** The durable outbox: card posts and updates written with the finding change, drained by the sender. */
export class OutboxStore {
  constructor(private readonly db: Executor) {}

  /**
   * Queues a post or update of a card. A card with a pending item already gets nothing new: the sender
   * renders the card from current state when it sends, so one pending item covers every change before it.
   */
  async enqueue(item: { tenantId: string; conversationId: string; cardId: number; op: OutboxOp }, now: Date, tx: Executor = this.db): Promise<boolean> {
    const waiting = await tx.selectFrom('notify_outbox').select('id').where('card_id', '=', item.cardId).where('status', '=', 'pending').executeTakeFirst();
    if (waiting) return false;
    const at = now.toISOString();
    await tx
      .insertInto('notify_outbox')
      .values({ tenant_id: item.tenantId, conversation_id: item.conversationId, card_id: item.cardId, op: item.op, status: 'pending', attempts: 0, next_attempt_at: now.getTime(), last_error: null, created_at: at, updated_at: at })
      .execute();
    return true;
  }

  /** Pending items due by `nowMs`, oldest first, skipping conversations the bot can no longer reach. */
  async due(nowMs: number, limit: number, tx: Executor = this.db): Promise<OutboxItem[]> {
    const rows = await tx
      .selectFrom('notify_outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', nowMs)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('notify_conversations')
              .select('conversation_id')
              .whereRef('notify_conversations.tenant_id', '=', 'notify_outbox.tenant_id')
              .whereRef('notify_conversations.conversation_id', '=', 'notify_outbox.conversation_id')
              .where('notify_conversations.unreachable_at', 'is not', null),
          ),
        ),
      )
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(fromRow);
  }

  /**
   * Marks a pending item in flight as `op`, just before its call. Only a still-pending item can be taken, so two
   * bot instances sharing one database never send the same item; false when someone else took it first.
   */
  async take(id: number, op: OutboxOp, now: Date, tx: Executor = this.db): Promise<boolean> {
    const r = await tx.updateTable('notify_outbox').set({ status: 'in_flight', op, updated_at: now.toISOString() }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** When the next pending item becomes due (undefined: nothing pending). */
  async nextDueAt(tx: Executor = this.db): Promise<number | undefined> {
    const r = await tx.selectFrom('notify_outbox').select((eb) => eb.fn.min('next_attempt_at').as('at')).where('status', '=', 'pending').executeTakeFirst();
    return r?.at == null ? undefined : Number(r.at);
  }

  async setStatus(id: number, status: OutboxStatus, now: Date, fields: { attempts?: number; nextAttemptAt?: number; lastError?: string | null } = {}, tx: Executor = this.db): Promise<void> {
    await tx
      .updateTable('notify_outbox')
      .set({
        status,
        updated_at: now.toISOString(),
        ...(fields.attempts !== undefined ? { attempts: fields.attempts } : {}),
        ...(fields.nextAttemptAt !== undefined ? { next_attempt_at: fields.nextAttemptAt } : {}),
        ...(fields.lastError !== undefined ? { last_error: fields.lastError } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Start-up: in-flight updates are safe to repeat; in-flight posts may have arrived, so they are not re-posted. */
  async recover(now: Date, tx: Executor = this.db): Promise<{ retried: number; unconfirmed: number }> {
    const at = now.toISOString();
    const u = await tx.updateTable('notify_outbox').set({ status: 'pending', updated_at: at }).where('status', '=', 'in_flight').where('op', '=', 'update').executeTakeFirst();
    const p = await tx
      .updateTable('notify_outbox')
      .set({ status: 'unconfirmed', updated_at: at, last_error: 'the bot stopped while this post was in flight' })
      .where('status', '=', 'in_flight')
      .where('op', '=', 'post')
      .executeTakeFirst();
    return { retried: Number(u.numUpdatedRows), unconfirmed: Number(p.numUpdatedRows) };
  }

  /** Drops everything still waiting for a conversation (uninstalled or unreachable); returns how many. */
  async dropConversation(tenantId: string, conversationId: string, reason: string, now: Date, tx: Executor = this.db): Promise<number> {
    const r = await tx
      .updateTable('notify_outbox')
      .set({ status: 'dropped', last_error: reason, updated_at: now.toISOString() })
      .where('tenant_id', '=', tenantId)
      .where('conversation_id', '=', conversationId)
      .where('status', 'in', ['pending', 'in_flight'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async counts(tx: Executor = this.db): Promise<DeliveryCounts[]> {
    const rows = await tx
      .selectFrom('notify_outbox')
      .select((eb) => ['tenant_id', 'conversation_id', 'status', eb.fn.countAll<number>().as('n')])
      .groupBy(['tenant_id', 'conversation_id', 'status'])
      .execute();
    const out = new Map<string, DeliveryCounts>();
    for (const r of rows) {
      const k = `${r.tenant_id}\u0000${r.conversation_id}`;
      const c = out.get(k) ?? { tenantId: r.tenant_id, conversationId: r.conversation_id, pending: 0, failed: 0, unconfirmed: 0, sent: 0 };
      const n = Number(r.n);
      if (r.status === 'pending' || r.status === 'in_flight') c.pending += n;
      else if (r.status === 'failed') c.failed += n;
      else if (r.status === 'unconfirmed') c.unconfirmed += n;
      else if (r.status === 'sent') c.sent += n;
      out.set(k, c);
    }
    return [...out.values()];
  }

  async list(filter: { status?: OutboxStatus } = {}, tx: Executor = this.db): Promise<OutboxItem[]> {
    let q = tx.selectFrom('notify_outbox').selectAll();
    if (filter.status) q = q.where('status', '=', filter.status);
    return (await q.orderBy('id').execute()).map(fromRow);
  }
}
