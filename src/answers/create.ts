/** Builds the question pipeline once at start-up; shared by the bot and the `ask` CLI. */
import type { CatalogIntent } from '../domain/intents';
import type { Clock, QueryRunner } from '../domain/ports';
import { Recognizer } from '../nlu';
import type { ModelSlot } from '../nlu/llm';
import type { Catalog } from '../queries';
import type { PortalSettings } from './portal';
import { AnswerService, type AnswerServiceOptions } from './service';
import type { Understander } from './understander';

export type SlotsByIntent = Partial<Record<CatalogIntent, readonly ModelSlot[]>>;

export interface AnswerSetup {
  runner: QueryRunner;
  catalog: Catalog;
  clock: Clock;
  zoneTag: string;
  portal: PortalSettings;
  dataLabel?: string;
  /**
   * Inventory resource names the `resource` slot is matched against: a fixed list, or a function returning the
   * current one (Azure mode refreshes the inventory; a new array means new names).
   */
  resourceNames: readonly string[] | (() => readonly string[]);
  /** The optional LLM planner, put in front of NLP.js (which stays its fallback). */
  llm?: (fallback: Understander, resourceNames: readonly string[], slotsByIntent: SlotsByIntent) => Understander;
  cacheTtlMs?: number;
  /** Teams claims for "what's assigned to me" (the bot's decision store); the `ask` CLI has none. */
  claims?: AnswerServiceOptions['claims'];
}

/** The slots each catalog query takes (its header), without `user`, which never comes from text. */
export function slotsByIntent(catalog: Catalog): SlotsByIntent {
  return Object.fromEntries([...catalog].map(([id, q]) => [id, q.slots.map((s) => s.name).filter((n): n is ModelSlot => n !== 'user')]));
}

export async function createAnswerService(setup: AnswerSetup): Promise<AnswerService> {
  const names = typeof setup.resourceNames === 'function' ? setup.resourceNames : () => setup.resourceNames as readonly string[];
  const slots = slotsByIntent(setup.catalog);
  // NLP.js is trained once; a changed inventory only rebuilds the resource matcher (and the LLM tools' name list).
  const recognizer = await Recognizer.create({ resourceNames: names(), now: () => setup.clock.now() });
  const build = (list: readonly string[]): Understander => {
    const r = recognizer.withResourceNames(list);
    return setup.llm ? setup.llm(r, list, slots) : r;
  };
  let current = { names: names(), understander: build(names()) };
  const understander: Understander = {
    understand(text, context) {
      const latest = names();
      if (latest !== current.names) current = { names: latest, understander: build(latest) };
      return current.understander.understand(text, context);
    },
  };
  return new AnswerService({ ...setup, understander });
}
