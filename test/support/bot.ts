import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type RunningBot } from '../../src/bot';
import { parseConfig } from '../../src/config';
import type { Clock } from '../../src/domain/ports';
import { activity, USER } from './activities';

/** Starts the real bot (HTTP server, SQLite file store, simulated tenant) on a free loopback port. */
export async function startTestBot(vars: Record<string, string> = {}, clock?: Clock): Promise<RunningBot> {
  const dir = mkdtempSync(join(tmpdir(), 'ai-posture-bot-'));
  return startBot(parseConfig({ PORT: '0', SQLITE_PATH: join(dir, 'bot.sqlite'), LOG_LEVEL: 'silent', ...vars }, join(__dirname, '..', '..')), clock);
}

export async function postActivity(bot: RunningBot, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

export interface InvokeAnswer {
  status: number;
  /** The card the bot returned (it replaces the clicked card for the clicking user). */
  card?: Record<string, unknown>;
  /** The card as JSON text, or the text answer when the bot returned a message instead of a card. */
  text: string;
}

let invokes = 0;

/** Clicks an Action.Execute button as Teams does (an `adaptiveCard/action` invoke) and reads the invoke response. */
export async function clickCard(
  bot: RunningBot,
  serviceUrl: string,
  action: { verb: string; data: unknown; from?: Record<string, unknown>; activityId?: string; conversationId?: string },
): Promise<InvokeAnswer> {
  const body = activity(
    serviceUrl,
    {
      id: action.activityId ?? `invoke-${++invokes}`,
      type: 'invoke',
      name: 'adaptiveCard/action',
      from: action.from ?? USER,
      replyToId: 'card-activity-1',
      value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data } },
    },
    action.conversationId,
  );
  const res = await postActivity(bot, body);
  const json = (await res.json().catch(() => ({}))) as { type?: string; value?: unknown };
  const card = json.type === 'application/vnd.microsoft.card.adaptive' ? (json.value as Record<string, unknown>) : undefined;
  return { status: res.status, card, text: card ? JSON.stringify(card) : String(json.value ?? '') };
}
