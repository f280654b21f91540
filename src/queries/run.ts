/** What the bot calls to answer a question: bind a catalog query's slots, resolve its scope, run it. */
import type { CatalogIntent, Slots } from '../domain/intents';
import type { QueryResult, QueryRunner } from '../domain/ports';
import { bindQuery, effectiveSlots, usesScope } from './bind';
import type { Catalog, CatalogQuery } from './catalog';
import { inventoryFromResult, scopeIds, type ScopeResource } from './scope';
import { selectsResources } from './slots';

export interface RunContext {
  /** Tag holding the governance zone (configuration ZONE_TAG). */
  zoneTag: string;
  /** The AI inventory for Log Analytics zone filters; when absent it is read with the `inventory` query. */
  inventory?: readonly ScopeResource[];
}

export interface CatalogAnswer {
  query: CatalogQuery;
  /** Slot values the query ran with (defaults applied). */
  slots: Slots;
  /** The exact KQL that ran (shown on the card, runnable in the portal). */
  text: string;
  result: QueryResult;
}

function queryOf(catalog: Catalog, intent: CatalogIntent): CatalogQuery {
  const query = catalog.get(intent);
  if (!query) throw new Error(`no catalog query for intent ${intent}`);
  return query;
}

/** Runs the `inventory` query without filters (Resource Graph) and returns the AI resources with their zones. */
export async function loadInventory(runner: QueryRunner, catalog: Catalog, zoneTag: string): Promise<ScopeResource[]> {
  const query = queryOf(catalog, 'inventory');
  const text = bindQuery(query, {}, { zoneTag });
  return inventoryFromResult(await runner.run({ id: query.id, source: query.source, text }));
}

/** Validates and binds the slots (SlotError if bad: nothing runs), then runs the query on the runner. */
export async function runCatalogQuery(runner: QueryRunner, catalog: Catalog, intent: CatalogIntent, slots: Slots, context: RunContext): Promise<CatalogAnswer> {
  const query = queryOf(catalog, intent);
  const values = effectiveSlots(query, slots);
  const scoped = usesScope(query) && selectsResources(values);
  const scope = scoped ? scopeIds(context.inventory ?? (await loadInventory(runner, catalog, context.zoneTag)), values) : null;
  const text = bindQuery(query, values, { zoneTag: context.zoneTag, scope });
  const result = await runner.run({ id: query.id, source: query.source, text });
  return { query, slots: values, text, result };
}
