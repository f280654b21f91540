import { createHash } from 'node:crypto';
import { canonicalEntry, canonicalJson, GENESIS_HASH, type RegisterEntry } from '../domain/triage/register';
import type { Db } from './database';
import type { Executor } from './executor';
import type { DecisionRegisterTable } from './triage-schema';

export type NewEntry = Omit<RegisterEntry, 'seq' | 'prevHash'>;
export interface StoredEntry extends RegisterEntry {
  hash: string;
}

export function entryHash(entry: RegisterEntry): string {
  return createHash('sha256').update(canonicalEntry(entry), 'utf8').digest('hex');
}

function toEntry(r: DecisionRegisterTable): StoredEntry {
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
    before: JSON.parse(r.before_json) as unknown,
    after: JSON.parse(r.after_json) as unknown,
    at: r.at,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export type VerifyResult = { ok: true; rows: number; head: string } | { ok: false; rows: number; seq: number; problem: string };

/**
 * The decision register: append-only, hash-chained. Nothing in the bot updates or deletes its rows;
 * `verify` finds a row that was edited, inserted or deleted behind the bot's back.
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
    const entry: RegisterEntry = { ...e, seq: Number(head.seq), prevHash: head.hash };
    const hash = entryHash(entry);
    await tx
      .insertInto('decision_register')
      .values({
        seq: entry.seq,
        tenant_id: entry.tenantId,
        finding_key: entry.findingKey,
        zone: entry.zone,
        verb: entry.verb,
        actor_id: entry.actorId,
        actor_name: entry.actorName,
        role: entry.role,
        justification: entry.justification,
        before_json: canonicalJson(entry.before),
        after_json: canonicalJson(entry.after),
        at: entry.at,
        prev_hash: entry.prevHash,
        hash,
      })
      .execute();
    await tx.updateTable('decision_register_head').set({ hash }).where('id', '=', 1).execute();
    return { ...entry, hash };
  }

  async list(filter: { tenantId?: string; findingKey?: string; from?: string; to?: string } = {}): Promise<StoredEntry[]> {
    let q = this.db.selectFrom('decision_register').selectAll();
    if (filter.tenantId) q = q.where('tenant_id', '=', filter.tenantId);
    if (filter.findingKey) q = q.where('finding_key', '=', filter.findingKey);
    if (filter.from) q = q.where('at', '>=', filter.from);
    if (filter.to) q = q.where('at', '<', filter.to);
    return (await q.orderBy('seq').execute()).map(toEntry);
  }

  /** Walks the whole chain in order, in pages, and names the first row that does not fit. */
  async verify(pageSize = 1000): Promise<VerifyResult> {
    let expectedSeq = 1;
    let prev = GENESIS_HASH;
    for (;;) {
      const rows = await this.db.selectFrom('decision_register').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
      for (const row of rows) {
        const e = toEntry(row);
        const fail = (problem: string): VerifyResult => ({ ok: false, rows: expectedSeq - 1, seq: e.seq, problem });
        if (e.seq !== expectedSeq) return { ok: false, rows: expectedSeq - 1, seq: expectedSeq, problem: `row ${expectedSeq} is missing (deleted); the next row is ${e.seq}` };
        if (e.prevHash !== prev) return fail(`row ${e.seq} does not follow row ${e.seq - 1} (its previous hash differs: a row was inserted, deleted or edited before it)`);
        const stored = { ...e } as Partial<StoredEntry>;
        delete stored.hash;
        if (entryHash(stored as RegisterEntry) !== e.hash) return fail(`row ${e.seq} was modified (its content no longer matches its hash)`);
        if (canonicalJson(e.before) !== row.before_json || canonicalJson(e.after) !== row.after_json) return fail(`row ${e.seq} was modified (state JSON is not canonical)`);
        prev = e.hash;
        expectedSeq++;
      }
      if (rows.length < pageSize) break;
    }
    const head = await this.db.selectFrom('decision_register_head').selectAll().where('id', '=', 1).executeTakeFirst();
    const rows = expectedSeq - 1;
    if (!head) return { ok: false, rows, seq: rows + 1, problem: 'the register head row is missing' };
    if (Number(head.seq) !== rows || head.hash !== prev) {
      return { ok: false, rows, seq: rows + 1, problem: `the register ends at row ${rows} but its head records row ${head.seq}: rows at the end were deleted or the head was edited` };
    }
    return { ok: true, rows, head: prev };
  }
}
