/**
 * Test-only entry: runs the real bot in its own process for crash/restart tests. It prints one JSON line
 * per event on stdout and reads commands on stdin: `raise <n>` raises n simulated alerts, ingests them and
 * drains the outbox (`NOTIFY_TEST_CRASH_AT` may kill the process on the way); `stop` stops cleanly.
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startBot } from '../../src/bot';
import { parseConfig } from '../../src/config';
import type { EmbeddedDataSource } from '../../src/data/embedded';

async function main(): Promise<void> {
  const bot = await startBot(parseConfig({ PORT: '0', LOG_LEVEL: 'silent', ...process.env }, join(__dirname, '..', '..')));
  const say = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);
  say({ event: 'ready', url: bot.url });
  for await (const line of createInterface({ input: process.stdin })) {
    const [cmd, arg] = line.trim().split(/\s+/);
    if (cmd === 'raise') {
      const source = bot.dataSource as EmbeddedDataSource;
      const ids = Array.from({ length: Number(arg) }, () => source.raiseAlert(new Date()).id);
      say({ event: 'raised', ids });
      await bot.notifications.pollOnce();
      say({ event: 'drained' });
    } else if (cmd === 'stop') {
      await bot.stop();
      say({ event: 'stopped' });
      process.exit(0);
    }
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
