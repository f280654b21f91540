import type { DigestKind } from '../domain/digest/schedule';
import type { Db } from './database';

export interface DigestRunKey {
  tenantId: string;
  conversationId: string;
  kind: DigestKind;
  periodKey: string;
}

export interface DigestRun extends DigestRunKey {
  status: 'claimed' | 'sent';
  activityId?: string;
  claimedAt: Date;
  sentAt?: Date;
}

/**
 * One row per scheduled digest send. The primary key (conversation, kind, period) makes the claim atomic:
 * of two starts racing for the same period, exactly one inserts the row and sends.
 */
export class DigestRunStore {
  constructor(private readonly db: Db) {}

  /** True when this caller now owns the period's send; false when it was claimed or sent before. */
  async claim(key: DigestRunKey, now: Date): Promise<boolean> {
    const result = await this.db
      .insertInto('digest_runs')
      .values({
        tenant_id: key.tenantId,
        conversation_id: key.conversationId,
        kind: key.kind,
        period_key: key.periodKey,
        status: 'claimed',
        activity_id: null,
        claimed_at: now.toISOString(),
        sent_at: null,
        error: null,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'conversation_id', 'kind', 'period_key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async markSent(key: DigestRunKey, activityId: string | undefined, now: Date): Promise<void> {
    await this.db
      .updateTable('digest_runs')
      .set({ status: 'sent', activity_id: activityId ?? null, sent_at: now.toISOString() })
      .where('tenant_id', '=', key.tenantId)
      .where('conversation_id', '=', key.conversationId)
      .where('kind', '=', key.kind)
      .where('period_key', '=', key.periodKey)
      .execute();
  }

  /** A failed send gives the period back, so the next start-up or tick tries again. */
  async release(key: DigestRunKey): Promise<void> {
    await this.db
      .deleteFrom('digest_runs')
      .where('tenant_id', '=', key.tenantId)
      .where('conversation_id', '=', key.conversationId)
      .where('kind', '=', key.kind)
      .where('period_key', '=', key.periodKey)
      .execute();
  }

  async list(filter: { conversationId?: string; kind?: DigestKind } = {}): Promise<DigestRun[]> {
    let q = this.db.selectFrom('digest_runs').selectAll();
    if (filter.conversationId) q = q.where('conversation_id', '=', filter.conversationId);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    const rows = await q.orderBy('claimed_at').execute();
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      conversationId: r.conversation_id,
      kind: r.kind as DigestKind,
      periodKey: r.period_key,
      status: r.status as DigestRun['status'],
      ...(r.activity_id ? { activityId: r.activity_id } : {}),
      claimedAt: new Date(r.claimed_at),
      ...(r.sent_at ? { sentAt: new Date(r.sent_at) } : {}),
    }));
  }
}
