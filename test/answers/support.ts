import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type RunningBot } from '../../src/bot';
import { parseConfig } from '../../src/config';
import type { EmbeddedDataSource } from '../../src/data/embedded';
import { EmbeddedQueryRunner } from '../../src/data/embedded-query-runner';
import type { CatalogIntent, Slots } from '../../src/domain/intents';
import { loadCatalog, runCatalogQuery, type CatalogAnswer } from '../../src/queries';
import { activity, USER } from '../support/activities';
import { postActivity } from '../support/bot';

/** A fixed clock: the simulated tenant, the bot and the direct catalog runs all read the same "now". */
export const NOW = new Date('2026-11-18T10:00:00Z');
export const clock = { now: () => NOW };

export async function startAnswerBot(vars: Record<string, string> = {}): Promise<RunningBot> {
  const dir = mkdtempSync(join(tmpdir(), 'answers-'));
  const root = join(__dirname, '..', '..');
  return startBot(parseConfig({ PORT: '0', SQLITE_PATH: join(dir, 'bot.sqlite'), LOG_LEVEL: 'silent', ...vars }, root), clock);
}

const catalog = loadCatalog();

/** The catalog query run directly on the bot's simulated tenant, without the bot. */
export function runDirectly(bot: RunningBot, intent: CatalogIntent, slots: Slots): Promise<CatalogAnswer> {
  const runner = new EmbeddedQueryRunner((bot.dataSource as EmbeddedDataSource).tenant, clock);
  return runCatalogQuery(runner, catalog, intent, slots, { zoneTag: 'governance-zone' });
}

let seq = 0;

/** Clicks an Action.Execute button; returns the card or the text of the invoke response. */
export async function click(bot: RunningBot, serviceUrl: string, verb: string, data: unknown): Promise<{ status: number; card?: Record<string, unknown>; text: string }> {
  const body = activity(serviceUrl, {
    id: `answers-invoke-${++seq}`,
    type: 'invoke',
    name: 'adaptiveCard/action',
    from: USER,
    replyToId: 'card-activity-1',
    value: { action: { type: 'Action.Execute', verb, data } },
  });
  const res = await postActivity(bot, body);
  const json = (await res.json().catch(() => ({}))) as { type?: string; value?: unknown };
  const card = json.type === 'application/vnd.microsoft.card.adaptive' ? (json.value as Record<string, unknown>) : undefined;
  return { status: res.status, card, text: card ? JSON.stringify(card) : String(json.value ?? '') };
}

type Node = Record<string, unknown>;

/** Every object in a card, depth first. */
export function nodes(card: unknown): Node[] {
  if (Array.isArray(card)) return card.flatMap(nodes);
  if (!card || typeof card !== 'object') return [];
  return [card as Node, ...Object.values(card as Node).flatMap(nodes)];
}

export const texts = (card: unknown): string[] => nodes(card).filter((n) => n.type === 'TextBlock' || n.type === 'TextRun').map((n) => String(n.text));
export const actions = (card: unknown): Node[] => nodes(card).filter((n) => typeof n.type === 'string' && (n.type as string).startsWith('Action.'));
