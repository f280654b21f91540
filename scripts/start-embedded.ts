/**
 * `npm start`: the bot in embedded mode (simulated tenant, SQLite) plus the Microsoft 365 Agents Playground
 * as a local Teams client. No account, secrets or manual steps. Ctrl+C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { playgroundCommand } from './playground-command';

const root = join(__dirname, '..');
const botPort = Number(process.env.PORT ?? 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
const children: ChildProcess[] = [];

function run(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`${name} exited (${signal ?? code}); stopping.\n`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0): void {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the bot did not answer ${url} within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  run('bot', [require.resolve('tsx/cli'), join(root, 'src/main.ts')], {
    MODE: process.env.MODE ?? 'embedded',
    PORT: String(botPort),
    SIM_TRICKLE_SECONDS: process.env.SIM_TRICKLE_SECONDS ?? '60',
  });
  await waitForHealth(`http://127.0.0.1:${botPort}/healthz`, 60_000);
  const playground = playgroundCommand({
    botEndpoint: `http://127.0.0.1:${botPort}/api/messages`,
    port: playgroundPort,
    logFile: join(root, '.data', 'playground.log'),
  });
  run('playground', playground.args, playground.env);
  process.stdout.write(
    `\nAI Posture Bot is running in embedded mode (simulated Contoso Bank tenant).\n` +
      `  Open the Teams client (Agents Playground): http://localhost:${playgroundPort}\n` +
      `  Bot health: http://127.0.0.1:${botPort}/healthz\n` +
      `  A new simulated alert is posted every ${process.env.SIM_TRICKLE_SECONDS ?? '60'} s. Press Ctrl+C to stop.\n\n`,
  );
}

main().catch((err: Error) => {
  process.stderr.write(`npm start failed: ${err.message}\n`);
  stop(1);
});
