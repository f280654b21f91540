import type { RunningBot } from '../../src/bot';
import type { EmbeddedDataSource } from '../../src/data/embedded';
import { EmbeddedQueryRunner } from '../../src/data/embedded-query-runner';
import type { CatalogIntent, Slots } from '../../src/domain/intents';
import { loadCatalog, runCatalogQuery, type CatalogAnswer } from '../../src/queries';
import { clickCard, startTestBot, type InvokeAnswer } from '../support/bot';

/** A fixed clock: the simulated tenant, the bot and the direct catalog runs all read the same "now". */
export const NOW = new Date('2026-11-18T10:00:00Z');
export const clock = { now: () => NOW };

export function startAnswerBot(vars: Record<string, string> = {}): Promise<RunningBot> {
  return startTestBot(vars, clock);
}

const catalog = loadCatalog();

/** The catalog query run directly on the bot's simulated tenant, without the bot. */
export function runDirectly(bot: RunningBot, intent: CatalogIntent, slots: Slots): Promise<CatalogAnswer> {
  const runner = new EmbeddedQueryRunner((bot.dataSource as EmbeddedDataSource).tenant, clock);
  return runCatalogQuery(runner, catalog, intent, slots, { zoneTag: 'governance-zone' });
}

/** Clicks an Action.Execute button; returns the card or the text of the invoke response. */
export function click(bot: RunningBot, serviceUrl: string, verb: string, data: unknown): Promise<InvokeAnswer> {
  return clickCard(bot, serviceUrl, { verb, data });
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
