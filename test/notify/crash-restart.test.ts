import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { install } from '../support/activities';
import { cardsOf, ConnectorStub } from '../support/connector-stub';
import { findingKeyOf } from './helpers';

const CHILD = join(__dirname, '..', 'support', 'notify-child.ts');

/** The bot in a child process (node + tsx), with a line reader over its JSON events. */
class Child {
  readonly proc: ChildProcess;
  private readonly events: Record<string, unknown>[] = [];
  private waiters: (() => void)[] = [];
  readonly exited: Promise<{ code: number | null; signal: string | null }>;

  constructor(env: Record<string, string>) {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NOTIFY_')));
    this.proc = spawn(process.execPath, ['--require', 'tsx/cjs', CHILD], { env: { ...inherited, ...env }, stdio: ['pipe', 'pipe', 'ignore'] });
    createInterface({ input: this.proc.stdout! }).on('line', (l) => {
      this.events.push(JSON.parse(l) as Record<string, unknown>);
      this.waiters.forEach((w) => w());
    });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
  }

  async next(event: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find((e) => e.event === event);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`child: no "${event}" event`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 200);
      });
    }
  }

  send(line: string): void {
    this.proc.stdin!.write(`${line}\n`);
  }
}

/** How many times each finding's card was posted (successful POSTs of a notification card). */
function postsPerFinding(stub: ConnectorStub): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of stub.requests) {
    if (r.method !== 'POST' || r.status !== 200 || !/\/activities$/.test(r.path)) continue;
    const key = findingKeyOf(cardsOf(r.body)[0] ?? {});
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('outbox across a SIGKILL and a restart (real child process, same SQLite file)', function () {
  this.timeout(90_000);

  for (const point of ['before-send', 'after-send'] as const) {
    it(`killed ${point === 'before-send' ? 'between the outbox write and the send' : 'between the send and its acknowledgement'}: no duplicate, no loss`, async () => {
      const stub = new ConnectorStub();
      await stub.start();
      const env = { SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'notify-crash-')), 'bot.sqlite'), NOTIFY_POLL_SECONDS: '3600' };
      try {
        const first = new Child({ ...env, NOTIFY_TEST_CRASH_AT: point });
        const { url } = (await first.next('ready')) as { url: string };
        const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(install(stub.url)) });
        assert.equal(res.status, 200);
        first.send('raise 3');
        const { ids } = (await first.next('raised')) as { ids: string[] };
        const exit = await first.exited;
        assert.equal(exit.signal, 'SIGKILL', 'the test hook killed the bot');
        const sentBeforeCrash = [...postsPerFinding(stub).keys()].length;
        assert.equal(sentBeforeCrash, point === 'before-send' ? 0 : 1);

        const second = new Child(env);
        await second.next('ready');
        const expected = ids.map((id) => `alert:${id.toLowerCase()}`);
        const deadline = Date.now() + 20_000;
        while (expected.some((k) => !postsPerFinding(stub).has(k)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        await new Promise((r) => setTimeout(r, 500)); // anything duplicated would arrive now
        second.send('stop');
        await second.exited;
        const counts = postsPerFinding(stub);
        assert.deepEqual(
          expected.map((k) => counts.get(k) ?? 0),
          [1, 1, 1],
          'each raised alert posted exactly once across both runs',
        );
      } finally {
        await stub.stop();
      }
    });
  }
});
