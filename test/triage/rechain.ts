import { GENESIS_HASH } from '../../src/domain/triage/register';
import type { Db } from '../../src/store/database';
import { recordHash } from '../../src/store/register';
import type { DecisionRegisterTable } from '../../src/store/triage-schema';

/**
 * What someone with write access to the database can do: edit rows, then recompute every hash and the head so
 * the chain is internally consistent again. Only anchors kept outside the database reveal it.
 */
export async function rechain(db: Db, edit: (row: DecisionRegisterTable) => Partial<DecisionRegisterTable>): Promise<void> {
  const rows = await db.selectFrom('decision_register').selectAll().orderBy('seq').execute();
  let prev = GENESIS_HASH;
  for (const original of rows) {
    const row = { ...original, ...edit(original), prev_hash: prev };
    const hash = recordHash({
      seq: Number(row.seq),
      tenantId: row.tenant_id,
      findingKey: row.finding_key,
      zone: Number(row.zone),
      verb: row.verb,
      actorId: row.actor_id,
      actorName: row.actor_name,
      role: row.role,
      justification: row.justification,
      beforeJson: row.before_json,
      afterJson: row.after_json,
      at: row.at,
      prevHash: prev,
    });
    await db.updateTable('decision_register').set({ ...row, hash }).where('seq', '=', original.seq).execute();
    prev = hash;
  }
  await db.updateTable('decision_register_head').set({ hash: prev }).where('id', '=', 1).execute();
}
