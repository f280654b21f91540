import { randomUUID } from 'node:crypto';
import type { DefenderWrite } from '../domain/triage/ports';
import type { WriteBackEffect } from '../domain/triage/types';
import type { Db } from './database';
import type { Executor } from './executor';

export interface WritebackJob {
  id: string;
  tenantId: string;
  findingKey: string;
  registerSeq: number;
  write: DefenderWrite;
  attempts: number;
}

/** How a finding's write-backs stand, for its card. */
export type SyncStatus = 'none' | 'syncing' | 'retrying' | 'synced' | 'failed' | 'teams_only' | 'refused';

/**
 * A decision's effect that was never sent: `teams_only` when write-back is off (WRITEBACK=off), `refused` when it
 * cannot be written back (no target in Azure). Kept as a job row so the card and `list` show it.
 */
export interface NotSent {
  type: 'not_sent';
  effect: WriteBackEffect['type'];
  reason: string;
}
export type StoredWrite = DefenderWrite | NotSent;

/** The durable write-back queue: jobs are inserted in the decision's transaction and drained by the worker. */
export class WritebackQueue {
  constructor(private readonly db: Db) {}

  async enqueue(tx: Executor, job: { tenantId: string; findingKey: string; registerSeq: number; write: DefenderWrite }, now: Date): Promise<string> {
    const id = randomUUID();
    const at = now.toISOString();
    await tx
      .insertInto('writeback_jobs')
      .values({ id, tenant_id: job.tenantId, finding_key: job.findingKey, register_seq: job.registerSeq, payload_json: JSON.stringify(job.write), status: 'pending', attempts: 0, next_attempt_at: at, last_error: null, created_at: at, updated_at: at })
      .execute();
    return id;
  }

  /** Records an effect that is not sent to Defender, with why; the worker never picks these rows up. */
  async recordNotSent(tx: Executor, job: { tenantId: string; findingKey: string; registerSeq: number; effect: WriteBackEffect['type'] }, status: 'teams_only' | 'refused', reason: string, now: Date): Promise<void> {
    const at = now.toISOString();
    const payload: NotSent = { type: 'not_sent', effect: job.effect, reason };
    await tx
      .insertInto('writeback_jobs')
      .values({ id: randomUUID(), tenant_id: job.tenantId, finding_key: job.findingKey, register_seq: job.registerSeq, payload_json: JSON.stringify(payload), status, attempts: 0, next_attempt_at: at, last_error: reason.slice(0, 2000), created_at: at, updated_at: at })
      .execute();
  }

  /** Settles a queued job without sending it (write-back was turned off before it went out). */
  async settleUnsent(id: string, reason: string, now: Date): Promise<void> {
    await this.db.updateTable('writeback_jobs').set({ status: 'teams_only', last_error: reason, updated_at: now.toISOString() }).where('id', '=', id).where('status', '=', 'pending').execute();
  }

  /** Pending jobs due now, oldest decision first (a finding's writes apply in decision order). */
  async due(now: Date, limit = 20): Promise<WritebackJob[]> {
    const rows = await this.db
      .selectFrom('writeback_jobs')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now.toISOString())
      // One finding's writes apply in order: a job waits while an earlier one of the same finding is pending.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('writeback_jobs as earlier')
              .select('earlier.id')
              .whereRef('earlier.tenant_id', '=', 'writeback_jobs.tenant_id')
              .whereRef('earlier.finding_key', '=', 'writeback_jobs.finding_key')
              .where('earlier.status', '=', 'pending')
              .whereRef('earlier.register_seq', '<', 'writeback_jobs.register_seq'),
          ),
        ),
      )
      .orderBy('register_seq')
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id, findingKey: r.finding_key, registerSeq: Number(r.register_seq), write: JSON.parse(r.payload_json) as DefenderWrite, attempts: Number(r.attempts) }));
  }

  async succeeded(id: string, now: Date): Promise<void> {
    await this.db.updateTable('writeback_jobs').set({ status: 'done', attempts: (eb) => eb('attempts', '+', 1), last_error: null, updated_at: now.toISOString() }).where('id', '=', id).execute();
  }

  /** Schedules another attempt at `retryAt`, or gives up (`retryAt` undefined). */
  async failed(id: string, error: string, now: Date, retryAt: Date | undefined): Promise<void> {
    await this.db
      .updateTable('writeback_jobs')
      .set({
        status: retryAt ? 'pending' : 'failed',
        attempts: (eb) => eb('attempts', '+', 1),
        last_error: error.slice(0, 2000),
        next_attempt_at: (retryAt ?? now).toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
  }

  /** The card's sync line: anything still pending, else how the newest decision's jobs ended. */
  async status(tenantId: string, findingKey: string, tx: Executor = this.db): Promise<{ status: SyncStatus; error?: string }> {
    const rows = await tx.selectFrom('writeback_jobs').select(['status', 'attempts', 'last_error', 'register_seq']).where('tenant_id', '=', tenantId).where('finding_key', '=', findingKey).execute();
    if (rows.length === 0) return { status: 'none' };
    const pending = rows.filter((r) => r.status === 'pending');
    if (pending.length > 0) {
      const retrying = pending.find((r) => Number(r.attempts) > 0);
      return retrying ? { status: 'retrying', error: retrying.last_error ?? undefined } : { status: 'syncing' };
    }
    const newest = Math.max(...rows.map((r) => Number(r.register_seq)));
    const latest = rows.filter((r) => Number(r.register_seq) === newest);
    for (const status of ['failed', 'refused', 'teams_only'] as const) {
      const row = latest.find((r) => r.status === status);
      if (row) return { status, error: row.last_error ?? undefined };
    }
    return { status: 'synced' };
  }

  async list(tenantId: string, findingKey: string): Promise<{ write: StoredWrite; status: string; attempts: number; lastError: string | null }[]> {
    const rows = await this.db.selectFrom('writeback_jobs').selectAll().where('tenant_id', '=', tenantId).where('finding_key', '=', findingKey).orderBy('register_seq').execute();
    return rows.map((r) => ({ write: JSON.parse(r.payload_json) as StoredWrite, status: r.status, attempts: Number(r.attempts), lastError: r.last_error }));
  }
}
