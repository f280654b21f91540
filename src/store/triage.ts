import { INITIAL_TRIAGE_STATE, type TriageState, type TriageStatus } from '../domain/triage/types';
import type { Db } from './database';
import type { Executor } from './executor';

/** Triage state per finding; a finding without a row is open. Written only with its finding's version bump. */
export class TriageStateStore {
  constructor(private readonly db: Db) {}

  async get(tenantId: string, findingKey: string, tx: Executor = this.db): Promise<TriageState> {
    const row = await tx.selectFrom('triage_states').select('state_json').where('tenant_id', '=', tenantId).where('finding_key', '=', findingKey).executeTakeFirst();
    return row ? (JSON.parse(row.state_json) as TriageState) : { ...INITIAL_TRIAGE_STATE };
  }

  async put(tx: Executor, tenantId: string, findingKey: string, state: TriageState, now: Date): Promise<void> {
    const row = { tenant_id: tenantId, finding_key: findingKey, status: state.status, state_json: JSON.stringify(state), updated_at: now.toISOString() };
    await tx
      .insertInto('triage_states')
      .values(row)
      .onConflict((oc) => oc.columns(['tenant_id', 'finding_key']).doUpdateSet({ status: row.status, state_json: row.state_json, updated_at: row.updated_at }))
      .execute();
  }

  /** Findings whose state the periodic job must look at (everything not open). */
  async listActive(statuses: readonly TriageStatus[]): Promise<{ tenantId: string; findingKey: string; state: TriageState }[]> {
    const rows = await this.db.selectFrom('triage_states').selectAll().where('status', 'in', [...statuses]).execute();
    return rows.map((r) => ({ tenantId: r.tenant_id, findingKey: r.finding_key, state: JSON.parse(r.state_json) as TriageState }));
  }
}
