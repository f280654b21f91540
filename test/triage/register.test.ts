import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { canonicalJson } from '../../src/domain/triage/register';
import { openDatabase, type Db } from '../../src/store/database';
import { DecisionRegister, type NewEntry } from '../../src/store/register';

const entry = (i: number): NewEntry => ({
  tenantId: 't-1',
  findingKey: `recommendation:a${i}|/subscriptions/s/x`,
  zone: 3,
  verb: 'claim',
  actorId: '1a0b0c0d-0000-4000-8000-000000000001',
  actorName: 'Priya Shah',
  role: 'owner',
  justification: i % 2 ? null : `reason ${i}`,
  before: { status: 'open' },
  after: { status: 'claimed', owner: { name: 'Priya Shah' }, dueDate: `2025-06-${10 + i}T00:00:00.000Z` },
  at: `2025-06-${10 + i}T12:00:00.000Z`,
});

describe('decision register (hash chain)', () => {
  let db: Db;
  let register: DecisionRegister;
  beforeEach(async () => {
    db = await openDatabase({ kind: 'sqlite', path: ':memory:' });
    register = new DecisionRegister(db);
    for (let i = 1; i <= 5; i++) await db.transaction().execute((tx) => register.append(tx, entry(i)));
  });
  afterEach(() => db.destroy());

  it('serializes canonically: key order and undefined fields do not change the text', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: undefined }], c: null } }), '{"a":{"c":null,"d":[1,{"f":2}]},"b":1}');
  });

  it('verifies an untouched chain and chains each row to the previous one', async () => {
    const result = await register.verify(2);
    assert.deepEqual({ ok: result.ok, rows: result.rows }, { ok: true, rows: 5 });
    const rows = await register.list();
    assert.equal(rows[0]!.prevHash, '0'.repeat(64));
    for (let i = 1; i < rows.length; i++) assert.equal(rows[i]!.prevHash, rows[i - 1]!.hash);
  });

  const tamper: [string, string, RegExp][] = [
    ['an edited justification', `update decision_register set justification = 'nothing to see' where seq = 3`, /row 3 was modified/],
    ['an edited state', `update decision_register set after_json = '{"status":"risk_accepted"}' where seq = 2`, /row 2 was modified/],
    ['a deleted row', `delete from decision_register where seq = 3`, /row 3 is missing/],
    ['a deleted last row', `delete from decision_register where seq = 5`, /ends at row 4 but its head records row 5/],
    ['a rewritten hash', `update decision_register set hash = '${'a'.repeat(64)}' where seq = 2`, /row 2 was modified/],
  ];
  for (const [name, statement, message] of tamper) {
    it(`names the first bad row after ${name}`, async () => {
      await sql.raw(statement).execute(db);
      const result = await register.verify();
      assert.ok(!result.ok, 'tampering is detected');
      assert.match(result.problem, message);
    });
  }

  it('names the first bad row after an inserted row', async () => {
    // Shift rows 4-5 up by one and forge a row 4 copied from row 3 (with the head adjusted too).
    await sql.raw('update decision_register set seq = seq + 100 where seq >= 4').execute(db);
    await sql.raw('update decision_register set seq = seq - 99 where seq >= 104').execute(db);
    await sql.raw(`insert into decision_register select 4, tenant_id, finding_key, zone, 'accept_risk', actor_id, actor_name, role, justification, before_json, after_json, at, prev_hash, hash from decision_register where seq = 3`).execute(db);
    await sql.raw('update decision_register_head set seq = 6').execute(db);
    const result = await register.verify();
    assert.ok(!result.ok);
    assert.equal(result.seq, 4);
    assert.match(result.problem, /row 4 does not follow row 3/);
  });

  it('keeps one chain when appends race', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => db.transaction().execute((tx) => register.append(tx, entry(10 + i)))));
    const result = await register.verify();
    assert.ok(result.ok);
    assert.equal(result.rows, 25);
  });
});
