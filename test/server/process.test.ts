import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { message } from '../support/activities';
import { ConnectorStub } from '../support/connector-stub';

const BIN = join(__dirname, '..', '..', 'bin', 'ai-posture-bot.js');

function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, 'start'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('bot process', () => {
  it('stops start-up on bad configuration with exit code 2 and a message naming the variable', async () => {
    const p = startProcess({ MODE: 'cloud', SIM_SEED: 'seven' });
    assert.equal(await p.exited, 2);
    assert.match(p.err(), /MODE must be one of embedded, azure \(got "cloud"\)/);
    assert.match(p.err(), /SIM_SEED: Expected number/);
  });

  it('stops start-up when the policy file is missing, with exit code 2 and the path', async () => {
    const p = startProcess({ PORT: '0', POLICY_FILE: '/nonexistent/policy.json' });
    assert.equal(await p.exited, 2);
    assert.match(p.err(), /Policy file \/nonexistent\/policy\.json not found: set POLICY_FILE/);
  });

  it("serves /healthz, tags each turn's log lines with a correlation id, then shuts down gracefully on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proc-'));
    const connector = new ConnectorStub();
    await connector.start();
    const p = startProcess({ PORT: '0', SQLITE_PATH: join(dir, 'bot.sqlite'), LOG_LEVEL: 'debug' });
    const url = await waitFor(() => /"url":"(http:\/\/[^"]+)"/.exec(p.out())?.[1], 30_000);
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    const turn = { ...message(connector.url, 'help'), id: 'turn-corr-1' };
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(turn) });
    assert.equal(res.status, 200);
    await connector.stop();
    const turnLines = p.out().split('\n').filter((l) => l.includes('"correlationId":"turn-corr-1"'));
    assert.ok(turnLines.some((l) => l.includes('"msg":"activity received"')), p.out());
    await waitFor(() => (/"msg":"catalog warmed up/.test(p.out()) ? true : undefined), 30_000);
    p.child.kill('SIGTERM');
    assert.equal(await p.exited, 0);
    assert.match(p.out(), /"signal":"SIGTERM".*"msg":"shutting down"/);
  });
});
