/** `ai-posture-bot kql` end to end: the real bin script in a child process (runs spawned in parallel). */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/ai-posture-bot.js', 'kql', ...args], { cwd: ROOT, env: { ...process.env, SIM_SEED: '42', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('kql CLI', function () {
  this.timeout(60_000);
  const runs: Record<string, Run> = {};

  before(async () => {
    const cases: Record<string, [string[], Record<string, string>?]> = {
      table: [['resources | summarize Resources = count() by Zone = tostring(tags["governance-zone"]) | order by Zone asc']],
      json: [['--json', 'SecurityAlert | take 1 | project TimeGenerated, AlertName, Entities = parse_json(Entities), Span = 90s, Flag = true']],
      syntax: [['SecurityAlert\n| where TimeGenerated >\n| take 1']],
      table404: [['SecurityAttackPath | take 1']],
      missing: [[]],
      badSeed: [['print 1'], { SIM_SEED: 'abc' }],
    };
    const results = await Promise.all(Object.entries(cases).map(async ([name, [args, env]]) => [name, await cli(args, env)] as const));
    for (const [name, r] of results) runs[name] = r;
  });

  it('prints a readable table with a row count', () => {
    const r = runs.table!;
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^Zone\s+Resources$/);
    assert.match(lines[1]!, /^-+\s+-+$/);
    assert.deepEqual(lines.slice(2, 6).map((l) => l.split(/\s+/)), [['1', '8'], ['2', '7'], ['3', '11'], ['tbd', '1']]);
    assert.equal(lines[6], '(4 rows)');
  });

  it('--json prints columns with Kusto types and rows with ISO datetimes and JSON dynamic values', () => {
    const r = runs.json!;
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { columns: { name: string; type: string }[]; rows: unknown[][] };
    assert.deepEqual(out.columns, [
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'AlertName', type: 'string' },
      { name: 'Entities', type: 'dynamic' },
      { name: 'Span', type: 'timespan' },
      { name: 'Flag', type: 'bool' },
    ]);
    const [time, name, entities, span, flag] = out.rows[0]!;
    assert.match(String(time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(typeof name, 'string');
    assert.ok(Array.isArray(entities) && (entities[0] as { Type: string }).Type === 'azure-resource');
    assert.equal(span, '00:01:30');
    assert.equal(flag, true);
  });

  it('a syntax error prints the parser diagnostic with line:column and exits 1', () => {
    const r = runs.syntax!;
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^2:24: error: .+\(KS\d+\)/m);
    assert.match(r.stderr, /\| where TimeGenerated >\n {25}\^/);
  });

  it('an unknown table (the lab\'s SecurityAttackPath) is a bind error at 1:1, exit 1', () => {
    const r = runs.table404!;
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^1:1: error: The name 'SecurityAttackPath' does not refer to any known table/m);
  });

  it('usage errors exit 2 with the usage text', () => {
    assert.equal(runs.missing!.code, 2);
    assert.match(runs.missing!.stderr, /Usage: ai-posture-bot kql \[--json\] "<query>"/);
    assert.equal(runs.badSeed!.code, 2);
    assert.match(runs.badSeed!.stderr, /SIM_SEED must be a non-negative integer/);
  });
});
