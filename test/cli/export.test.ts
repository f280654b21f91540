import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvField } from '../../src/cli/csv';
import { parseExportArgs } from '../../src/cli/export';
import { EmbeddedQueryRunner } from '../../src/data/embedded-query-runner';
import type { CatalogIntent, Slots } from '../../src/domain/intents';
import { loadCatalog } from '../../src/queries/catalog';
import { runCatalogQuery } from '../../src/queries/run';
import { createSimulatedTenant } from '../../src/sim';
import { openDatabase } from '../../src/store/database';
import { DecisionRegister } from '../../src/store/register';

const ROOT = join(__dirname, '..', '..');
const AS_OF = '2025-06-16T14:00:00.000Z';

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'ai-posture-bot.js'), 'export', ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  assert.ok(text.endsWith('\r\n'), 'records end with CRLF');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

async function catalogRows(intent: CatalogIntent, slots: Slots): Promise<{ header: string[]; rows: unknown[][] }> {
  const now = new Date(AS_OF);
  const runner = new EmbeddedQueryRunner(createSimulatedTenant({ seed: 42, now }), { now: () => now });
  const { result } = await runCatalogQuery(runner, loadCatalog(), intent, slots, { zoneTag: 'governance-zone' });
  return { header: result.columns.map((c) => c.name), rows: result.rows };
}

const asText = (rows: unknown[][]) => rows.map((r) => r.map((v) => parseCsv(`${csvField(v)}\r\n`)[0]![0]));

describe('ai-posture-bot export (spawned CLI)', () => {
  it('inventory --zone 3: the CSV rows are the inventory query rows for Zone 3', async () => {
    const out = cli(['inventory', '--format', 'csv', '--zone', '3', '--as-of', AS_OF]);
    assert.equal(out.status, 0, out.stderr);
    const [header, ...rows] = parseCsv(out.stdout);
    const expected = await catalogRows('inventory', { zone: 3 });
    assert.deepEqual(header, expected.header);
    assert.deepEqual(rows, asText(expected.rows));
    assert.ok(rows.length > 5 && rows.every((r) => r[header!.indexOf('Zone')] === '3'));
  });

  it('alerts --zone 3 --from --to --out: the file holds the alerts query rows of that window', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'export-')), 'alerts.csv');
    const out = cli(['alerts', '--format', 'csv', '--zone', '3', '--from', '2025-06-10', '--to', '2025-06-13', '--out', file, '--as-of', AS_OF]);
    assert.equal(out.status, 0, out.stderr);
    const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
    const expected = await catalogRows('alerts', { zone: 3, timeRange: 'P7D' });
    const t = expected.header.indexOf('TimeGenerated');
    const inWindow = expected.rows.filter((r) => (r[t] as Date) >= new Date('2025-06-10T00:00:00Z') && (r[t] as Date) < new Date('2025-06-13T00:00:00Z'));
    assert.deepEqual(header, expected.header);
    assert.deepEqual(rows, asText(inWindow));
    assert.ok(rows.length > 0);
    assert.match(out.stderr, new RegExp(`Wrote ${rows.length} alerts rows to `));
  });

  it('register: the triage decision register, hash chain included', async () => {
    const sqlite = join(mkdtempSync(join(tmpdir(), 'export-reg-')), 'bot.sqlite');
    const db = await openDatabase({ kind: 'sqlite', path: sqlite });
    const register = new DecisionRegister(db);
    const entry = { tenantId: 't1', zone: 3, verb: 'accept_risk', actorId: 'a1', actorName: 'Priya Shah', role: 'owner', before: { status: 'open' }, after: { status: 'pending_acceptance' } };
    await db.transaction().execute((tx) => register.append(tx, { ...entry, findingKey: 'recommendation:x', justification: 'Vendor, "phase 2", then done', at: '2025-06-12T10:00:00.000Z' }));
    await db.transaction().execute((tx) => register.append(tx, { ...entry, zone: 1, findingKey: 'recommendation:y', justification: null, at: '2025-06-13T10:00:00.000Z' }));
    await db.destroy();
    const out = cli(['register', '--format', 'csv', '--zone', '3'], { SQLITE_PATH: sqlite });
    assert.equal(out.status, 0, out.stderr);
    const [header, ...rows] = parseCsv(out.stdout);
    assert.deepEqual(header, ['seq', 'at', 'tenantId', 'findingKey', 'zone', 'verb', 'actorId', 'actorName', 'role', 'justification', 'before', 'after', 'prevHash', 'hash']);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]![3], 'recommendation:x');
    assert.equal(rows[0]![9], 'Vendor, "phase 2", then done');
    assert.match(rows[0]![13]!, /^[0-9a-f]{64}$/);
  });

  it('refuses bad arguments with a clear message and a non-zero exit', () => {
    const out = cli(['inventory', '--zone', '3']);
    assert.notEqual(out.status, 0);
    assert.match(out.stderr, /--format csv is required/);
    assert.equal(out.stdout, '');
    const bad: [string[], RegExp][] = [
      [['bogus', '--format', 'csv'], /Unknown export "bogus": use one of inventory, recommendations, attack-paths, alerts, register/],
      [['inventory', '--format', 'xlsx'], /--format csv is required \(got "xlsx"\)/],
      [['alerts', '--format', 'csv', '--zone', '4'], /--zone must be 1, 2 or 3 \(got "4"\)/],
      [['alerts', '--format', 'csv', '--from', 'yesterday'], /--from "yesterday" is not a date/],
      [['alerts', '--format', 'csv', '--from', '2025-06-10', '--to', '2025-06-01'], /--from must be before --to/],
      [['attack-paths', '--format', 'csv', '--from', '2025-06-10'], /attack-paths is a point-in-time snapshot/],
      [['inventory', '--format', 'csv', '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [args, message] of bad) assert.throws(() => parseExportArgs(args), message, args.join(' '));
  });
});
