import { createHash } from 'node:crypto';
import { canonicalRecord, toRecord, type RegisterEntry, type RegisterRecord } from '../domain/triage/register';
import { ChainCheck, type CheckResult, type ChainCheckOptions, type RegisterAnchor } from '../domain/triage/register-check';
import type { Db } from './database';
import type { Executor } from './executor';
import type { DecisionRegisterTable } from './triage-schema';

export type NewEntry = Omit<RegisterEntry, 'seq' | 'prevHash'>;
export interface StoredEntry extends RegisterEntry {
  hash: string;
}

/** SHA-256 of the record's canonical text: computed from the stored form, on append and on verify alike. */
export function recordHash(record: RegisterRecord): string {
  return createHash('sha256').update(canonicalRecord(record), 'utf8').digest('hex');
}

/** The stored row as the record it was hashed from (no parsing: the state columns are hashed as stored). */
function toRecordOf(r: DecisionRegisterTable): RegisterRecord {
  return {
    seq: Number(r.seq),
    tenantId: r.tenant_id,
    findingKey: r.finding_key,
    zone: Number(r.zone),
    verb: r.verb,
    actorId: r.actor_id,
    actorName: r.actor_name,
    role: r.role,
    justification: r.justification,
    beforeJson: r.before_json,
    afterJson: r.after_json,
    at: r.at,
    prevHash: r.prev_hash,
  };
}

function toEntry(r: DecisionRegisterTable): StoredEntry {
  const { beforeJson, afterJson, ...rest } = toRecordOf(r);
  return { ...rest, before: JSON.parse(beforeJson) as unknown, after: JSON.parse(afterJson) as unknown, hash: r.hash };
}

export type VerifyResult = CheckResult;

/**
 * The decision register: append-only, hash-chained. Nothing in the bot updates or deletes its rows;
 * `verify` finds every row that was edited, inserted or deleted behind the bot's back, and with anchors
 * (copies of the head kept outside the database) a table rewritten with valid hashes too.
 */
export class DecisionRegister {
  constructor(private readonly db: Db) {}

  /** Appends inside the caller's transaction (the decision and its entry commit together). */
  async append(tx: Executor, e: NewEntry): Promise<StoredEntry> {
    // Taking the head row first serializes appenders (a row lock on PostgreSQL; SQLite has one writer).
    const head = await tx
      .updateTable('decision_register_head')
      .set((eb) => ({ seq: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow();
    const record = toRecord({ ...e, seq: Number(head.seq), prevHash: head.hash });
    const hash = recordHash(record);
    await tx
      .insertInto('decision_register')
      .values({
        seq: record.seq,
        tenant_id: record.tenantId,
        finding_key: record.findingKey,
        zone: record.zone,
        verb: record.verb,
        actor_id: record.actorId,
        actor_name: record.actorName,
        role: record.role,
        justification: record.justification,
        before_json: record.beforeJson,
        after_json: record.afterJson,
        at: record.at,
        prev_hash: record.prevHash,
        hash,
      })
      .execute();
    await tx.updateTable('decision_register_head').set({ hash }).where('id', '=', 1).execute();
    const { beforeJson, afterJson, ...stored } = record;
    return { ...stored, before: JSON.parse(beforeJson) as unknown, after: JSON.parse(afterJson) as unknown, hash };
  }

  async list(filter: { tenantId?: string; findingKey?: string; from?: string; to?: string } = {}): Promise<StoredEntry[]> {
    let q = this.db.selectFrom('decision_register').selectAll();
    if (filter.tenantId) q = q.where('tenant_id', '=', filter.tenantId);
    if (filter.findingKey) q = q.where('finding_key', '=', filter.findingKey);
    if (filter.from) q = q.where('at', '>=', filter.from);
    if (filter.to) q = q.where('at', '<', filter.to);
    return (await q.orderBy('seq').execute()).map(toEntry);
  }

  /** The chain's tip as the head row records it (what an anchor copies). */
  async head(): Promise<Omit<RegisterAnchor, 'at'> | undefined> {
    const head = await this.db.selectFrom('decision_register_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
    return head && { seq: Number(head.seq), hash: head.hash };
  }

  /**
   * Walks the chain in order, in pages, recomputing every row's hash from its stored fields, and holds it
   * against the anchors given; reports every row that does not fit. The head is read first and the walk stops
   * there, so decisions made meanwhile are neither checked nor mistaken for tampering. `fromSeq` checks only
   * the rows from there (anchoring a new head after the last anchor).
   */
  async verify(options: ChainCheckOptions & { pageSize?: number } = {}): Promise<VerifyResult> {
    const { pageSize = 1000, ...checkOptions } = options;
    const check = new ChainCheck(checkOptions);
    const head = await this.head();
    const last = head?.seq ?? Number.MAX_SAFE_INTEGER;
    let next = checkOptions.fromSeq ?? 1;
    for (;;) {
      const rows = await this.db.selectFrom('decision_register').selectAll().where('seq', '>=', next).where('seq', '<=', last).orderBy('seq').limit(pageSize).execute();
      for (const row of rows) {
        const seq = Number(row.seq);
        check.row({ seq, prevHash: row.prev_hash, hash: row.hash, computedHash: recordHash(toRecordOf(row)) });
        next = seq + 1;
      }
      if (rows.length < pageSize) break;
    }
    return check.finish(head, head && (await this.strayRows()));
  }

  /** Rows beyond the head: the newest row is read before the head, so a concurrent append is never one. */
  private async strayRows(): Promise<{ from: number; to: number } | undefined> {
    const newest = await this.db.selectFrom('decision_register').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    const head = await this.head();
    const max = Number(newest?.seq ?? 0);
    if (!head || max <= head.seq) return undefined;
    const first = await this.db.selectFrom('decision_register').select((eb) => eb.fn.min('seq').as('seq')).where('seq', '>', head.seq).executeTakeFirst();
    return { from: Number(first?.seq ?? max), to: max };
  }
}
