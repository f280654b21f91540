import type { Finding } from '../domain/finding';
import type { ResourceRef } from '../domain/findings';
import type { Severity } from '../domain/zones';
import type { Db } from './database';
import type { Executor } from './executor';
import type { FindingsTable } from './schema';

function toRow(f: Finding, now: Date): FindingsTable {
  return {
    tenant_id: f.tenantId,
    finding_key: f.key,
    kind: f.kind,
    title: f.title,
    severity: f.severity,
    zone: f.resource.zone,
    resource_id: f.resource.id,
    resource_json: JSON.stringify(f.resource),
    status: f.status,
    details_json: JSON.stringify(f.details),
    first_seen: f.firstSeen.toISOString(),
    last_seen: f.lastSeen.toISOString(),
    version: f.version,
    updated_at: now.toISOString(),
  };
}

function fromRow(r: FindingsTable): Finding {
  return {
    key: r.finding_key,
    kind: r.kind as Finding['kind'],
    tenantId: r.tenant_id,
    title: r.title,
    severity: r.severity as Severity,
    resource: JSON.parse(r.resource_json) as ResourceRef,
    status: r.status as Finding['status'],
    firstSeen: new Date(r.first_seen),
    lastSeen: new Date(r.last_seen),
    details: JSON.parse(r.details_json) as Record<string, unknown>,
    version: Number(r.version),
  };
}

/** Findings as last seen: the bot's own copy, re-read on every card action (card data is never trusted). */
export class FindingStore {
  constructor(private readonly db: Db) {}

  async get(tenantId: string, key: string, tx: Executor = this.db): Promise<Finding | undefined> {
    const row = await tx.selectFrom('findings').selectAll().where('tenant_id', '=', tenantId).where('finding_key', '=', key).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /** Inserts or replaces a finding; callers pass the next version (see Finding.version). */
  async put(finding: Finding, now: Date, tx: Executor = this.db): Promise<void> {
    const row = toRow(finding, now);
    await tx
      .insertInto('findings')
      .values(row)
      .onConflict((oc) => oc.columns(['tenant_id', 'finding_key']).doUpdateSet({ ...row }))
      .execute();
  }

  /**
   * Writes `finding` only if the stored version is still `expectedVersion` (optimistic concurrency: of two
   * concurrent changes exactly one wins). Returns false when someone else changed it first.
   */
  async replaceIfVersion(finding: Finding, expectedVersion: number, now: Date, tx: Executor = this.db): Promise<boolean> {
    const { tenant_id, finding_key, ...rest } = toRow(finding, now);
    const result = await tx
      .updateTable('findings')
      .set(rest)
      .where('tenant_id', '=', tenant_id)
      .where('finding_key', '=', finding_key)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async list(filter: { tenantId?: string; kind?: Finding['kind']; zone?: number; status?: Finding['status'] } = {}, tx: Executor = this.db): Promise<Finding[]> {
    let q = tx.selectFrom('findings').selectAll();
    if (filter.tenantId) q = q.where('tenant_id', '=', filter.tenantId);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.zone) q = q.where('zone', '=', filter.zone);
    if (filter.status) q = q.where('status', '=', filter.status);
    return (await q.orderBy('first_seen').execute()).map(fromRow);
  }
}
