import { GENESIS_HASH } from '../../src/domain/triage/register';
import type { Db } from '../../src/store/database';
import { recordHash } from '../../src/store/register';
import type { NewEntry } from '../../src/store/register';
import type { DecisionRegisterTable } from '../../src/store/triage-schema';

/** A register entry for finding `recommendation:r<i>` (a Zone 2 risk-acceptance request), with any field replaced. */
export const registerEntry = (i: number, fields: Partial<NewEntry> = {}): NewEntry => ({
  tenantId: 't-1',
  findingKey: `recommendation:r${i}`,
  zone: 2,
  verb: 'accept_risk',
  actorId: '1a0b0c0d-0000-4000-8000-000000000001',
  actorName: 'Priya Shah',
  role: 'owner',
  justification: `Network isolation covers it until the Q3 migration (${i}).`,
  before: { status: 'open' },
  after: { status: 'pending_acceptance' },
  at: '2025-06-16T14:00:00.000Z',
  ...fields,
});

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
