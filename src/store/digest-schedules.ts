import type { DigestKind } from '../domain/digest/schedule';
import type { Db } from './database';
import type { DigestSchedulesTable } from './schema';

export interface StoredDigestSchedule {
  tenantId: string;
  conversationId: string;
  kind: DigestKind;
  /** Canonical text, e.g. "mon 09:00 America/New_York". */
  schedule: string;
  cron: string;
  timeZone: string;
  enabled: boolean;
  /** "chat" (an admin typed it) or "config" (seeded from DIGEST_CONVERSATIONS). */
  source: 'chat' | 'config';
  updatedBy: string;
  /** Runs scheduled before this instant are never caught up (the schedule did not exist then). */
  activeSince: Date;
}

/** Digest schedules, one per conversation and kind. */
export class DigestScheduleStore {
  constructor(private readonly db: Db) {}

  async put(s: StoredDigestSchedule, now: Date): Promise<void> {
    const row = {
      tenant_id: s.tenantId,
      conversation_id: s.conversationId,
      kind: s.kind,
      schedule: s.schedule,
      cron: s.cron,
      time_zone: s.timeZone,
      enabled: s.enabled ? 1 : 0,
      source: s.source,
      updated_by: s.updatedBy,
      active_since: s.activeSince.toISOString(),
      updated_at: now.toISOString(),
    };
    await this.db
      .insertInto('digest_schedules')
      .values(row)
      .onConflict((oc) => oc.columns(['tenant_id', 'conversation_id', 'kind']).doUpdateSet(row))
      .execute();
  }

  /** Inserts only when the conversation has no schedule of that kind (configuration never overrides chat). */
  async putIfAbsent(s: StoredDigestSchedule, now: Date): Promise<boolean> {
    const existing = await this.get(s.tenantId, s.conversationId, s.kind);
    if (existing) return false;
    await this.put(s, now);
    return true;
  }

  async get(tenantId: string, conversationId: string, kind: DigestKind): Promise<StoredDigestSchedule | undefined> {
    const row = await this.db
      .selectFrom('digest_schedules')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('conversation_id', '=', conversationId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async list(filter: { enabledOnly?: boolean; tenantId?: string; conversationId?: string } = {}): Promise<StoredDigestSchedule[]> {
    let q = this.db.selectFrom('digest_schedules').selectAll();
    if (filter.enabledOnly) q = q.where('enabled', '=', 1);
    if (filter.tenantId) q = q.where('tenant_id', '=', filter.tenantId);
    if (filter.conversationId) q = q.where('conversation_id', '=', filter.conversationId);
    return (await q.orderBy('conversation_id').orderBy('kind').execute()).map(fromRow);
  }
}

function fromRow(r: DigestSchedulesTable): StoredDigestSchedule {
  return {
    tenantId: r.tenant_id,
    conversationId: r.conversation_id,
    kind: r.kind as DigestKind,
    schedule: r.schedule,
    cron: r.cron,
    timeZone: r.time_zone,
    enabled: Number(r.enabled) === 1,
    source: r.source as 'chat' | 'config',
    updatedBy: r.updated_by,
    activeSince: new Date(r.active_since),
  };
}
