/** The embedded QueryRunner: catalog queries on the simulated tenant, clock injected, bad KQL mapped to the port's error. */
import assert from 'node:assert/strict';
import { EmbeddedQueryRunner } from '../../src/data/embedded-query-runner';
import { DataUnavailableError } from '../../src/domain/ports';
import { KqlEngine, KqlError } from '../../src/kql';
import { loadCatalog, loadInventory, runCatalogQuery } from '../../src/queries';
import { ALL_TABLES } from '../../src/schemas';
import { createSimulatedTenant, DEFAULT_NOW } from '../../src/sim';

describe('EmbeddedQueryRunner', () => {
  const tenant = createSimulatedTenant({ seed: 42, now: DEFAULT_NOW });
  const engine = new KqlEngine(ALL_TABLES);
  let now = DEFAULT_NOW;
  const runner = new EmbeddedQueryRunner(tenant, { now: () => now }, engine);
  const catalog = loadCatalog();

  it('runs a query and returns the QueryResult shape (columns with Kusto types, rows as arrays)', async () => {
    const result = await runner.run({ id: 'adhoc', source: 'resourcegraph', text: 'resources | summarize n = count()' });
    assert.deepEqual(result, { columns: [{ name: 'n', type: 'long' }], rows: [[tenant.tables.resources!.length]] });
  });

  it('evaluates now()/ago() at the injected clock, read on every run', async () => {
    const text = 'SecurityAlert | where TimeGenerated > ago(1d) | count';
    const first = (await runner.run({ id: 'q', source: 'logs', text })).rows[0]![0];
    now = new Date(DEFAULT_NOW.getTime() + 2 * 86_400_000);
    const later = (await runner.run({ id: 'q', source: 'logs', text })).rows[0]![0];
    now = DEFAULT_NOW;
    assert.ok(Number(first) > 0);
    assert.equal(later, 0);
  });

  it('maps a rejected query to DataUnavailableError (bad_query) keeping the parser diagnostics as the cause', async () => {
    await assert.rejects(runner.run({ id: 'broken', source: 'logs', text: 'SecurityAlert | where' }), (err: unknown) => {
      assert.ok(err instanceof DataUnavailableError);
      assert.equal(err.reason, 'bad_query');
      assert.match(err.userMessage, /broken/);
      assert.ok(err.cause instanceof KqlError && err.cause.diagnostics.length > 0);
      return true;
    });
  });

  it('runCatalogQuery binds slots, resolves the zone scope of a Log Analytics query from the inventory, and runs', async () => {
    const inventory = await loadInventory(runner, catalog, 'governance-zone');
    assert.equal(inventory.length, tenant.resources.length);
    const answer = await runCatalogQuery(runner, catalog, 'large_responses', { zone: 3 }, { zoneTag: 'governance-zone', inventory });
    const zone3 = tenant.resources.filter((r) => r.zone === 3).map((r) => r.id.toLowerCase());
    assert.match(answer.text, /^let timeRange = 1d;\nlet zone = int\(3\);/);
    assert.ok(zone3.every((id) => answer.text.includes(`"${id}"`)));
    assert.deepEqual(answer.slots, { zone: 3, timeRange: 'PT24H' });
    assert.ok(answer.result.rows.length > 0);
    // Without an inventory in the context it reads one with the inventory query: same text.
    const again = await runCatalogQuery(runner, catalog, 'large_responses', { zone: 3 }, { zoneTag: 'governance-zone' });
    assert.equal(again.text, answer.text);
  });

  it('rejects slots the query does not take, before running anything', async () => {
    await assert.rejects(runCatalogQuery(runner, catalog, 'compliance', { zone: 3 }, { zoneTag: 'governance-zone' }), /compliance does not take a zone/);
    await assert.rejects(runCatalogQuery(runner, catalog, 'my_queue', {}, { zoneTag: 'governance-zone' }), /my_queue needs a user/);
  });
});
