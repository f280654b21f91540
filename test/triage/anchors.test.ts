import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { FileAnchorStore } from '../../src/data/anchors';
import { GENESIS_HASH } from '../../src/domain/triage/register';
import type { Db } from '../../src/store/database';
import { DecisionRegister } from '../../src/store/register';
import { RegisterAnchoring } from '../../src/triage/anchoring';
import { describeEachDatabase } from '../support/databases';
import { rechain, registerEntry } from './register-support';

const START = Date.parse('2025-06-16T14:00:00.000Z');
let at = START;
const clock = { now: () => new Date(at) };

const entry = (i: number) => registerEntry(i, { at: new Date(at).toISOString() });

describeEachDatabase('register anchors (append-only file)', (t) => {
  let db: Db;
  let register: DecisionRegister;
  let path: string;
  let anchoring: RegisterAnchoring;
  const append = async (n: number) => {
    for (let i = 0; i < n; i++) await db.transaction().execute((tx) => register.append(tx, entry(i)));
  };

  before(async () => {
    db = await t.open();
    register = new DecisionRegister(db);
  });
  beforeEach(async () => {
    at = START;
    await db.deleteFrom('decision_register').execute();
    await db.updateTable('decision_register_head').set({ seq: 0, hash: GENESIS_HASH }).where('id', '=', 1).execute();
    path = join(mkdtempSync(join(tmpdir(), 'anchors-')), 'register-anchors.jsonl');
    anchoring = new RegisterAnchoring({ register, store: new FileAnchorStore(path), clock });
  });

  it('anchors the head, skips an unchanged head, and appends one JSON line per new head', async () => {
    assert.equal((await anchoring.anchor()).status, 'empty');
    await append(3);
    const first = await anchoring.anchor();
    assert.equal(first.status, 'anchored');
    assert.equal((await anchoring.anchor()).status, 'unchanged');
    at += 3_600_000;
    await append(2);
    const second = await anchoring.anchor();
    assert.ok(second.status === 'anchored');
    assert.equal(second.anchor.id, 'line 2');
    const rows = await register.list();
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);
    assert.deepEqual(lines, [
      { seq: 3, hash: rows[2]!.hash, at: '2025-06-16T14:00:00.000Z' },
      { seq: 5, hash: rows[4]!.hash, at: '2025-06-16T15:00:00.000Z' },
    ]);
    const verified = await anchoring.verify();
    assert.deepEqual([verified.ok, verified.anchors, verified.problems], [true, 2, []]);
  });

  it('detects a table re-chained with valid hashes and names the anchor it contradicts', async () => {
    await append(4);
    await anchoring.anchor();
    await append(2);
    await anchoring.anchor();
    await rechain(db, (row) => (row.seq === 2 ? { justification: 'Approved by the board.' } : {}));
    assert.deepEqual((await register.verify()).problems, [], 'the chain alone cannot tell: every hash is valid');
    const result = await anchoring.verify();
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.problems.map((p) => p.message),
      [`rows 4–6 contradict 2 anchors in append-only file ${path}, from line 1 (written ${clock.now().toISOString()}) to line 2 (written ${clock.now().toISOString()}); they recorded other hashes: the register was rewritten after those anchors`],
    );
  });

  it('names the one anchor a rewrite contradicts', async () => {
    await append(3);
    await anchoring.anchor();
    await append(2);
    await rechain(db, (row) => (row.seq === 1 ? { actor_name: 'Someone Else' } : {}));
    const [problem, ...more] = (await anchoring.verify()).problems;
    assert.deepEqual(more, []);
    assert.match(problem!.message, new RegExp(`^row 3 has hash [0-9a-f]{16}… but anchor line 1 \\(written 2025-06-16T\\d\\d:00:00.000Z\\) in append-only file ${path.replace(/[/.]/g, '\\$&')} recorded [0-9a-f]{16}…: the register was rewritten after that anchor$`));
  });

  it('refuses to anchor a head that does not extend the anchored history', async () => {
    await append(3);
    await anchoring.anchor();
    await rechain(db, (row) => ({ justification: `${row.justification} (edited)` }));
    const outcome = await anchoring.anchor();
    assert.equal(outcome.status, 'refused');
    assert.equal(readFileSync(path, 'utf8').trim().split('\n').length, 1, 'nothing appended');
  });

  it('reports rows deleted after an anchor, and rows inserted beyond the head', async () => {
    await append(5);
    await anchoring.anchor();
    await sql.raw('delete from decision_register where seq >= 4').execute(db);
    await sql.raw(`update decision_register_head set seq = 3, hash = (select hash from decision_register where seq = 3)`).execute(db);
    assert.deepEqual((await register.verify()).problems, [], 'deleting from the end and moving the head back leaves a valid chain');
    assert.match((await anchoring.verify()).problems[0]!.message, /^anchor line 1 \(written .*\) in append-only file .* records row 5, but the register ends before it: rows were deleted after that anchor$/);

    await sql.raw(`insert into decision_register select 9, tenant_id, finding_key, zone, verb, actor_id, actor_name, role, justification, before_json, after_json, at, prev_hash, hash from decision_register where seq = 3`).execute(db);
    assert.deepEqual(
      (await register.verify()).problems.map((p) => p.message),
      ["row 9 lies beyond the register head (row 3): inserted behind the bot's back, or the head was edited"],
    );
  });

  it('reports an edited anchor line, and appending never rewrites earlier lines', async () => {
    await append(2);
    await anchoring.anchor();
    const before = readFileSync(path, 'utf8');
    await append(1);
    await anchoring.anchor();
    assert.ok(readFileSync(path, 'utf8').startsWith(before), 'earlier anchors are kept byte for byte');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/"seq":2/, '"seq":"two"'));
    const result = await anchoring.verify();
    assert.deepEqual(result.problems.map((p) => p.message), [`line 1 of append-only file ${path} is not an anchor record: the anchor file was edited`]);
  });
});
