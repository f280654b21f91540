import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type RunningBot } from '../../src/bot';
import { parseConfig } from '../../src/config';

/** Starts the real bot (HTTP server, SQLite file store, simulated tenant) on a free loopback port. */
export async function startTestBot(vars: Record<string, string> = {}): Promise<RunningBot> {
  const dir = mkdtempSync(join(tmpdir(), 'ai-posture-bot-'));
  return startBot(parseConfig({ PORT: '0', SQLITE_PATH: join(dir, 'bot.sqlite'), LOG_LEVEL: 'silent', ...vars }, join(__dirname, '..', '..')));
}

export async function postActivity(bot: RunningBot, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
