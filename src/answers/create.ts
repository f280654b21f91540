/** Builds the question pipeline once at start-up; shared by the bot and the `ask` CLI. */
import type { CatalogIntent } from '../domain/intents';
import type { Clock, QueryRunner } from '../domain/ports';
import { Recognizer } from '../nlu';
import type { ModelSlot } from '../nlu/llm';
import type { Catalog } from '../queries';
import type { PortalSettings } from './portal';
import { AnswerService } from './service';
import type { Understander } from './understander';

export type SlotsByIntent = Partial<Record<CatalogIntent, readonly ModelSlot[]>>;

export interface AnswerSetup {
  runner: QueryRunner;
  catalog: Catalog;
  clock: Clock;
  zoneTag: string;
  portal: PortalSettings;
  dataLabel?: string;
  /** Inventory resource names the `resource` slot is matched against. */
  resourceNames: readonly string[];
  /** The optional LLM planner, put in front of NLP.js (which stays its fallback). */
  llm?: (fallback: Understander, resourceNames: readonly string[], slotsByIntent: SlotsByIntent) => Understander;
  cacheTtlMs?: number;
}

/** The slots each catalog query takes (its header), without `user`, which never comes from text. */
export function slotsByIntent(catalog: Catalog): SlotsByIntent {
  return Object.fromEntries([...catalog].map(([id, q]) => [id, q.slots.map((s) => s.name).filter((n): n is ModelSlot => n !== 'user')]));
}

export async function createAnswerService(setup: AnswerSetup): Promise<AnswerService> {
  const recognizer = await Recognizer.create({ resourceNames: setup.resourceNames, now: () => setup.clock.now() });
  const understander = setup.llm ? setup.llm(recognizer, setup.resourceNames, slotsByIntent(setup.catalog)) : recognizer;
  return new AnswerService({ ...setup, understander });
}
