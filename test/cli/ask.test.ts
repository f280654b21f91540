import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { AskJson } from '../../src/cli/ask';
import { loadCatalog } from '../../src/queries';

const ROOT = join(__dirname, '..', '..');
const catalog = loadCatalog();

/** Runs the real command as a user would (node bin/ai-posture-bot.js ask …). */
function askCli(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('AZURE_OPENAI_') || k === 'MODE' || k === 'APP_ENV') delete env[k];
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'ai-posture-bot.js'), 'ask', ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

function assertContract(a: AskJson): void {
  assert.deepEqual(Object.keys(a).slice(0, 6), ['intent', 'confidence', 'slots', 'kql', 'columns', 'rows']);
  if (a.kql === null) {
    assert.deepEqual([a.columns, a.rows], [[], []]);
    return;
  }
  const query = catalog.get(a.intent as never)!;
  assert.deepEqual(a.columns, query.columns, 'columns as [{name,type}] from the catalog query');
  for (const row of a.rows) {
    assert.equal(row.length, a.columns.length);
    a.columns.forEach((c, i) => {
      if (c.type === 'datetime' && row[i] !== null) assert.match(String(row[i]), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });
  }
}

describe('cli: ai-posture-bot ask', function () {
  this.timeout(60_000);

  it('prints a readable answer: intent, slots, a table and the KQL', async () => {
    const { code, stdout, stderr } = await askCli(['show Zone 3 attack paths']);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Intent: +attack_paths \(confidence 1\.00\)\nSlots: +Zone 3 \(Regulated\)\nRows: +\d+\n/);
    assert.match(stdout, /\nRiskLevel +EntryPoint +Target +Zone +DisplayName\n/);
    assert.match(stdout, /\nKQL:\nlet zone = int\(3\);\n/);
    assert.doesNotMatch(stdout, /"level":/, 'no log lines on standard output');
  });

  it('--json prints one object: intent, confidence, normalized slots (only the stated ones), kql, columns, rows', async () => {
    const { code, stdout, stderr } = await askCli(['--json', 'jailbreak attempts this week']);
    assert.equal(code, 0, stderr);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, 1);
    const a = JSON.parse(lines[0]!) as AskJson;
    assertContract(a);
    assert.equal(a.intent, 'alerts');
    assert.deepEqual(a.slots, { timeRange: 'P7D', alertType: 'jailbreak' });
    assert.match(a.kql!, /^let zone = int\(null\);\n/);
    assert.match(a.kql!, /let timeRange = 7d;/);
    assert.ok(a.rows.length > 0);
    const types = a.columns.map((c) => c.name);
    assert.ok(a.rows.every((r) => String(r[types.indexOf('AlertType')]).includes('Jailbreak') || String(r[types.indexOf('AlertType')]).includes('ASCIISmuggling')));
  });

  it('--json without a question answers standard input line by line, in order (out of scope: kql null)', async () => {
    const input = "what's our AI secure score\nwhat's the weather in Paris\nshow Zone 3 attack paths\n";
    const { code, stdout, stderr } = await askCli(['--json'], input);
    assert.equal(code, 0, stderr);
    const answers = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as AskJson);
    assert.deepEqual(answers.map((a) => a.intent), ['secure_score', 'none', 'attack_paths']);
    answers.forEach(assertContract);
    assert.deepEqual(answers[1], { intent: 'none', confidence: answers[1]!.confidence, slots: {}, kql: null, columns: [], rows: [] });
    assert.deepEqual(answers[2]!.slots, { zone: 3 });
    assert.ok(answers[0]!.rows.length >= 29, 'a secure score per day over the default 30 days');
  });

  it('a bad flag prints the usage to standard error with exit code 2', async () => {
    const { code, stdout, stderr } = await askCli(['--bogus', 'show alerts']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^Unknown option --bogus\.\n\nUsage: ai-posture-bot ask/);
  });
});
