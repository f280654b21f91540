/** Shared by the catalog tests: one catalog, one engine (parser warm-up once), one simulated tenant. */
import { EmbeddedQueryRunner } from '../../src/data/embedded-query-runner';
import type { Slots } from '../../src/domain/intents';
import { KqlEngine } from '../../src/kql';
import { loadCatalog, runCatalogQuery, type Catalog } from '../../src/queries';
import { ALL_TABLES } from '../../src/schemas';
import { createSimulatedTenant, DEFAULT_NOW, type SimulatedTenant } from '../../src/sim';

export const NOW = DEFAULT_NOW;
export const DAY = 86_400_000;
export const ZONE_TAG = 'governance-zone';

let shared: { catalog: Catalog; engine: KqlEngine; tenant: SimulatedTenant; runner: EmbeddedQueryRunner } | undefined;
export function fixture(): NonNullable<typeof shared> {
  if (!shared) {
    const engine = new KqlEngine(ALL_TABLES);
    const tenant = createSimulatedTenant({ seed: 42, now: NOW });
    shared = { catalog: loadCatalog(), engine, tenant, runner: new EmbeddedQueryRunner(tenant, { now: () => NOW }, engine) };
  }
  return shared;
}

export type Obj = Record<string, unknown>;

/** Runs a catalog query on the tenant and returns its rows as objects keyed by column name. */
export async function rowsOf(intent: Parameters<typeof runCatalogQuery>[2], slots: Slots = {}): Promise<Obj[]> {
  const { catalog, runner } = fixture();
  const { result } = await runCatalogQuery(runner, catalog, intent, slots, { zoneTag: ZONE_TAG });
  return result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c.name, r[i]])));
}

export const props = (row: Obj): Obj => row.properties as Obj;
