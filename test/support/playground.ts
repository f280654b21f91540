/**
 * Starts the Microsoft 365 Agents Playground (the local Teams client) as a child process for end-to-end tests.
 * Port 0 lets the Playground pick a free port; the real one is read from its "Listening on <port>" line.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { playgroundCommand } from '../../scripts/playground-command';

const root = join(__dirname, '..', '..');

export interface RunningPlayground {
  /** The Playground's web page, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** Everything the Playground printed so far (for failure messages). */
  output(): string;
  /** Stops the Playground (SIGTERM, then SIGKILL after a grace period); safe to call twice. */
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages */
  botEndpoint: string;
  /** Where the Playground writes its own log file. */
  logFile: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  configPath?: string;
  startTimeoutMs?: number;
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const command = playgroundCommand({ ...options, port: options.port ?? 0 });
  const child = spawn(process.execPath, command.args, { cwd: root, env: { ...process.env, ...command.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(killer);
  };

  const timeoutMs = options.startTimeoutMs ?? 15_000;
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the Playground did not report "Listening on <port>" within ${timeoutMs / 1000} s`)), timeoutMs);
      const check = () => {
        const m = /Listening on (\d+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      child.stdout.on('data', check);
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the Playground exited (${signal ?? code}) before listening`));
      });
    });
    return { url: `http://127.0.0.1:${port}`, port, output: () => output, stop };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\nPlayground output:\n${output}`);
  }
}
