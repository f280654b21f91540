import type { Db } from './database';
import type { Executor } from './executor';

/** What a processed invoke answered, so a retried invoke (same activity id) gets the same answer and changes nothing. */
export interface ProcessedOutcome {
  message: string;
  ok: boolean;
}

export class ProcessedActivities {
  constructor(private readonly db: Db) {}

  async get(tenantId: string, activityId: string, tx: Executor = this.db): Promise<ProcessedOutcome | undefined> {
    const row = await tx.selectFrom('processed_activities').select('outcome_json').where('tenant_id', '=', tenantId).where('activity_id', '=', activityId).executeTakeFirst();
    return row ? (JSON.parse(row.outcome_json) as ProcessedOutcome) : undefined;
  }

  /** Records the invoke in the decision's transaction; the primary key rejects a concurrent duplicate. */
  async record(tx: Executor, tenantId: string, activityId: string, findingKey: string, outcome: ProcessedOutcome, now: Date): Promise<void> {
    await tx
      .insertInto('processed_activities')
      .values({ tenant_id: tenantId, activity_id: activityId, finding_key: findingKey, outcome_json: JSON.stringify(outcome), processed_at: now.toISOString() })
      .execute();
  }
}
