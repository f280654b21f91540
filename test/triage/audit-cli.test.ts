import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../../src/store/database';
import { ContainerClient } from '@azure/storage-blob';
import { storagePipeline } from '../../src/data/anchors/blob';
import { DecisionRegister } from '../../src/store/register';
import { Azurite, extraCaFile, startManagedIdentityEndpoint, storageCredential } from '../support/azurite';
import { rechain } from './register-support';

const BIN = join(__dirname, '..', '..', 'bin', 'ai-posture-bot.js');

const cliEnv = (path: string, env: Record<string, string> = {}) => ({ ...process.env, SQLITE_PATH: path, LOG_LEVEL: 'silent', APP_ENV: 'local', ...env });

function cli(path: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'audit', ...args], { env: cliEnv(path), encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Without blocking this process (its managed-identity endpoint must answer the child). */
function cliAsync(env: Record<string, string>, path: string, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'audit', ...args], { env: cliEnv(path, env), encoding: 'utf8', timeout: 20_000 }, (error, out, err) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out, err }));
  });
}

/** Three register rows in a fresh SQLite file. */
async function seed(path: string, justification = (i: number) => `Synthetic data only, isolated network (${i}).`): Promise<void> {
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
        justification: justification(i),
        before: { status: 'open' },
        after: { status: 'pending_acceptance' },
        at: `${day}T12:00:00.000Z`,
      }),
    );
  }
  await db.destroy();
}

/** Someone with database access rewrites a justification and re-computes every hash and the head. */
async function rewrite(path: string): Promise<void> {
  const db = await openDatabase({ kind: 'sqlite', path });
  await rechain(db, (row) => (row.seq === 1 ? { justification: 'Approved by the board.' } : {}));
  await db.destroy();
}

describe('ai-posture-bot audit (CLI process)', function () {
  this.timeout(30_000);
  const path = join(mkdtempSync(join(tmpdir(), 'audit-')), 'bot.sqlite');

  before(() => seed(path, (i) => (i === 1 ? '=HYPERLINK("x"), "quoted"' : 'Synthetic data only, isolated network.')));

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
    assert.match(ok.out, /no anchors yet in append-only file .*register-anchors\.jsonl \(run "audit anchor"\)/);
    const raw = new SQLite(path);
    raw.prepare(`update decision_register set justification = 'approved by the board' where seq = 2`).run();
    raw.prepare(`update decision_register set actor_name = 'The Board' where seq = 3`).run();
    raw.close();
    const bad = cli(path, 'verify');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /^Decision register BROKEN: 1 problem \(3 rows read\):\n {2}- rows 2–3 were modified/);
  });
});

describe('ai-posture-bot audit anchor (CLI process)', function () {
  this.timeout(30_000);

  it('anchors the head to the append-only file; verify then names the anchor a re-chained table contradicts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-anchor-'));
    const path = join(dir, 'bot.sqlite');
    await seed(path);
    const anchored = cli(path, 'anchor');
    assert.equal(anchored.code, 0, anchored.err);
    assert.match(anchored.out, new RegExp(`^Anchored row 3 \\(hash [0-9a-f]{64}\\) in append-only file ${dir}/register-anchors\\.jsonl as line 1\n$`));
    assert.match(cli(path, 'anchor').out, /^Nothing new to anchor: row 3 is already anchored in .* as line 1/);
    assert.match(cli(path, 'verify').out, /Decision register intact: 3 rows, head [0-9a-f]{64}; consistent with 1 anchor in append-only file/);

    await rewrite(path);
    const bad = cli(path, 'verify');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /^Decision register BROKEN: 1 problem \(3 rows read\):\n {2}- row 3 has hash [0-9a-f]{16}… but anchor line 1 \(written [^)]+\) in append-only file .* recorded [0-9a-f]{16}…: the register was rewritten after that anchor\n$/);
    const refused = cli(path, 'anchor');
    assert.equal(refused.code, 1);
    assert.match(refused.err, /^Not anchored: the register does not fit its last anchor/);
    assert.equal(readFileSync(join(dir, 'register-anchors.jsonl'), 'utf8').trim().split('\n').length, 1);
  });

  describe('with an Azure Blob container (Azurite; the bot signs in with its managed identity)', () => {
    const azurite = new Azurite();
    let identity: Awaited<ReturnType<typeof startManagedIdentityEndpoint>>;
    let env: Record<string, string>;
    before(async () => {
      await azurite.start();
      identity = await startManagedIdentityEndpoint();
      const url = azurite.containerUrl('register-anchors');
      await new ContainerClient(url, storagePipeline(storageCredential(), { tlsOptions: { ca: azurite.ca } })).create();
      const dir = mkdtempSync(join(tmpdir(), 'audit-blob-'));
      env = { ...identity.env, REGISTER_ANCHOR_BLOB_URL: url, AZURE_CLIENT_ID: '0d7c9a4e-0000-4000-8000-00000000c11d', NODE_EXTRA_CA_CERTS: extraCaFile(dir) };
    });
    after(async () => {
      await identity?.close();
      await azurite.stop();
    });

    it('anchors to a write-once blob, warns about the missing immutability policy, and detects the rewrite', async () => {
      const path = join(mkdtempSync(join(tmpdir(), 'audit-blob-db-')), 'bot.sqlite');
      await seed(path);
      const anchored = await cliAsync(env, path, 'anchor');
      assert.equal(anchored.code, 0, anchored.err);
      assert.match(anchored.out, /^Anchored row 3 \(hash ([0-9a-f]{64})\) in Azure Blob container https:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\/register-anchors as anchors\/000000000003-\1\.json\n$/);
      assert.match(anchored.err, /^Warning: Azure Blob container .* has no immutability policy/);
      await rewrite(path);
      const bad = await cliAsync(env, path, 'verify');
      assert.equal(bad.code, 1, bad.err);
      assert.match(bad.err, /- row 3 has hash [0-9a-f]{16}… but anchor anchors\/000000000003-[0-9a-f]{64}\.json \(written [^)]+\) in Azure Blob container .*: the register was rewritten after that anchor/);
    });
  });
});
