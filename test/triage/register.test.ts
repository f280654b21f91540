import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { canonicalJson, GENESIS_HASH } from '../../src/domain/triage/register';
import type { Db } from '../../src/store/database';
import { DecisionRegister, type NewEntry } from '../../src/store/register';
import { describeEachDatabase } from '../support/databases';

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

/** Empties the register (one database per suite; each test starts from the genesis head). */
async function reset(db: Db): Promise<void> {
  await db.deleteFrom('decision_register').execute();
  await db.updateTable('decision_register_head').set({ seq: 0, hash: GENESIS_HASH }).where('id', '=', 1).execute();
}

describeEachDatabase('decision register (hash chain)', (t) => {
  let db: Db;
  let register: DecisionRegister;
  const append = (e: NewEntry) => db.transaction().execute((tx) => register.append(tx, e));
  before(async () => {
    db = await t.open();
    register = new DecisionRegister(db);
  });
  beforeEach(async () => {
    await reset(db);
    for (let i = 1; i <= 5; i++) await append(entry(i));
  });

  it('serializes canonically: key order and undefined fields do not change the text', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: undefined }], c: null } }), '{"a":{"c":null,"d":[1,{"f":2}]},"b":1}');
  });

  it('verifies an untouched chain and chains each row to the previous one', async () => {
    const result = await register.verify({ pageSize: 2 });
    assert.deepEqual({ ok: result.ok, rows: result.rows, problems: result.problems }, { ok: true, rows: 5, problems: [] });
    const rows = await register.list();
    assert.equal(rows[0]!.prevHash, GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) assert.equal(rows[i]!.prevHash, rows[i - 1]!.hash);
    assert.equal(result.head, rows.at(-1)!.hash);
  });

  it('hashes the same text as since the first row: SHA-256 of the canonical JSON of the entry', async () => {
    const [first] = await register.list();
    const { hash, ...stored } = first!;
    assert.equal(hash, createHash('sha256').update(canonicalJson(stored), 'utf8').digest('hex'));
  });

  it('stores and verifies text with an unpaired surrogate: what is hashed is what is stored', async () => {
    const broken = 'Accepted \ud83d for now \udc00 until the fix \u0000 ships';
    await append({ ...entry(6), actorName: `Priya \ud800 Shah`, justification: broken, after: { status: 'claimed', lastComment: { text: broken } } });
    const result = await register.verify();
    assert.deepEqual(result.problems, []);
    const last = (await register.list()).at(-1)!;
    assert.equal(last.justification, 'Accepted \ufffd for now \ufffd until the fix \ufffd ships');
    assert.equal(last.actorName, 'Priya \ufffd Shah');
    assert.deepEqual(last.after, { status: 'claimed', lastComment: { text: broken } }, 'inside the state JSON the text is kept, escaped');
  });

  it('keeps every kind of well-formed text exactly as written', async () => {
    const text = 'Zoë 👩🏽‍💻 — 中文, עברית ‏RTL‏, e\u0301, tab\there,\nnew line, "quotes", \\ back\\slash, \ufffd, \uffff';
    await append({ ...entry(6), actorName: text, justification: text });
    const last = (await register.list()).at(-1)!;
    assert.equal(last.justification, text);
    assert.equal(last.actorName, text);
    assert.ok((await register.verify()).ok);
  });

  const tamper: [string, string, RegExp][] = [
    ['an edited justification', `update decision_register set justification = 'nothing to see' where seq = 3`, /^row 3 was modified/],
    ['an edited state', `update decision_register set after_json = '{"status":"risk_accepted"}' where seq = 2`, /^row 2 was modified/],
    ['a state that is no longer JSON', `update decision_register set after_json = '{"status":' where seq = 2`, /^row 2 was modified/],
    ['a deleted row', `delete from decision_register where seq = 3`, /^row 3 is missing \(deleted\); the next row is 4/],
    ['a deleted last row', `delete from decision_register where seq = 5`, /ends at row 4 but its head records row 5/],
    ['a rewritten hash', `update decision_register set hash = '${'a'.repeat(64)}' where seq = 2`, /^row 2 was modified/],
  ];
  for (const [name, statement, message] of tamper) {
    it(`names the bad row after ${name}`, async () => {
      await sql.raw(statement).execute(db);
      const result = await register.verify();
      assert.ok(!result.ok, 'tampering is detected');
      assert.match(result.problems[0]!.message, message);
    });
  }

  it('reports every bad row, not only the first', async () => {
    await sql.raw(`update decision_register set justification = 'edited' where seq in (2, 4)`).execute(db);
    await sql.raw(`update decision_register set actor_name = 'edited' where seq = 5`).execute(db);
    const result = await register.verify();
    assert.deepEqual(
      result.problems.map((p) => [p.kind, p.from, p.to]),
      [
        ['modified', 2, 2],
        ['modified', 4, 5],
      ],
    );
    assert.match(result.problems[1]!.message, /^rows 4–5 were modified/);
    assert.equal(result.rows, 5, 'the walk goes on to the end');
  });

  it('names the inserted row and the shifted rows after an inserted row', async () => {
    // Shift rows 4-5 up by one and forge a row 4 copied from row 3 (with the head adjusted too).
    await sql.raw('update decision_register set seq = seq + 100 where seq >= 4').execute(db);
    await sql.raw('update decision_register set seq = seq - 99 where seq >= 104').execute(db);
    await sql.raw(`insert into decision_register select 4, tenant_id, finding_key, zone, 'accept_risk', actor_id, actor_name, role, justification, before_json, after_json, at, prev_hash, hash from decision_register where seq = 3`).execute(db);
    await sql.raw('update decision_register set seq = 6 where id = 1'.replace('decision_register', 'decision_register_head')).execute(db);
    const result = await register.verify();
    assert.ok(!result.ok);
    assert.deepEqual(
      result.problems.map((p) => p.message.split(' (')[0]),
      ['row 4 does not follow row 3', 'rows 4–6 were modified'],
      'the forged row breaks the link; its own and the shifted rows’ content no longer match (seq is hashed)',
    );
  });

  it('keeps one chain when appends race', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => append(entry(10 + i))));
    const result = await register.verify();
    assert.ok(result.ok);
    assert.equal(result.rows, 25);
  });
});
