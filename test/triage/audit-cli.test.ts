import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../../src/store/database';
import { DecisionRegister } from '../../src/store/register';

const BIN = join(__dirname, '..', '..', 'bin', 'ai-posture-bot.js');

function cli(path: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'audit', ...args], { env: { ...process.env, SQLITE_PATH: path, LOG_LEVEL: 'silent', APP_ENV: 'local' }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('ai-posture-bot audit (CLI process)', function () {
  this.timeout(30_000);
  const path = join(mkdtempSync(join(tmpdir(), 'audit-')), 'bot.sqlite');

  before(async () => {
    const db = await openDatabase({ kind: 'sqlite', path });
    const register = new DecisionRegister(db);
    for (const [i, day] of ['2025-06-01', '2025-06-10', '2025-06-20'].entries()) {
      await db.transaction().execute((tx) =>
        register.append(tx, {
          tenantId: 't',
          findingKey: `recommendation:k${i}`,
          zone: 3,
          verb: 'accept_risk',
          actorId: '1a0b0c0d-0000-4000-8000-000000000001',
          actorName: 'Priya Shah',
          role: 'owner',
          justification: i === 1 ? '=HYPERLINK("x"), "quoted"' : 'Synthetic data only, isolated network.',
          before: { status: 'open' },
          after: { status: 'pending_acceptance' },
          at: `${day}T12:00:00.000Z`,
        }),
      );
    }
    await db.destroy();
  });

  it('exports a date range as CSV (inclusive --to, quoted fields, no formula injection)', () => {
    const r = cli(path, 'export', '--from', '2025-06-05', '--to', '2025-06-20', '--format', 'csv');
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trim().split('\r\n');
    assert.equal(lines[0], 'seq,at,tenant_id,finding_key,zone,verb,actor_id,actor_name,role,justification,before,after,prev_hash,hash');
    assert.equal(lines.length, 3);
    assert.match(lines[1]!, /^2,2025-06-10T12:00:00.000Z,.*,"'=HYPERLINK\(""x""\), ""quoted""",/);
    const out = join(tmpdir(), `audit-${process.pid}.csv`);
    assert.equal(cli(path, 'export', '--from', '2025-06-01', '--to', '2025-06-30', '--format', 'csv', '--out', out).code, 0);
    assert.equal(readFileSync(out, 'utf8').trim().split('\r\n').length, 4);
  });

  it('refuses a bad export request with usage', () => {
    const r = cli(path, 'export', '--from', 'last week', '--to', '2025-06-20');
    assert.equal(r.code, 2);
    assert.match(r.err, /needs --from and --to as YYYY-MM-DD/);
  });

  it('verify passes on an intact register and names every bad row after direct database edits', () => {
    const ok = cli(path, 'verify');
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /Decision register intact: 3 rows/);
    const raw = new SQLite(path);
    raw.prepare(`update decision_register set justification = 'approved by the board' where seq = 2`).run();
    raw.prepare(`update decision_register set actor_name = 'The Board' where seq = 3`).run();
    raw.close();
    const bad = cli(path, 'verify');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /^Decision register BROKEN: 1 problem \(3 rows read\):\n {2}- rows 2–3 were modified/);
  });
});
