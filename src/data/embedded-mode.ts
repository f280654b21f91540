import type { Config } from '../config';
import type { Clock } from '../domain/ports';
import { EmbeddedFindingFeed } from '../notify/embedded-feed';
import { TENANT_ID as SIM_TENANT_ID } from '../sim';
import { EmbeddedDefenderActions, embeddedStandards } from './defender-actions/embedded';
import { ExemptionTargetResolver } from './defender-actions/exemption-targets';
import { EmbeddedDataSource, SIMULATED_WORKSPACE_RESOURCE_ID } from './embedded';
import { EmbeddedQueryRunner } from './embedded-query-runner';
import type { DataMode } from './mode';

/** MODE=embedded: the simulated Contoso Bank tenant, generated at start-up, and the local KQL engine. */
export function createEmbeddedMode(config: Config, clock: Clock): DataMode & { dataSource: EmbeddedDataSource } {
  const dataSource = new EmbeddedDataSource({ seed: config.simulation.seed, now: clock.now(), zoneTag: config.zoneTag });
  const names = dataSource.tenant.resources.map((r) => r.name);
  const queryRunner = new EmbeddedQueryRunner(dataSource.tenant, clock);
  return {
    dataSource,
    queryRunner,
    findingFeed: new EmbeddedFindingFeed(dataSource),
    // The simulated tenant is regenerated at every start: its watermarks start over with a silent baseline.
    feedScope: `sim:${config.simulation.seed}:${dataSource.tenant.now.toISOString()}`,
    // Every Teams tenant sees the one simulated Defender tenant, and decisions change its tables.
    defenderActions: new EmbeddedDefenderActions(dataSource.tenant.tables, SIM_TENANT_ID),
    // The same Resource Graph lookups as Azure, answered by the simulated tenant's policyresources.
    writeTargets: new ExemptionTargetResolver({ runner: queryRunner, standards: embeddedStandards, clock }),
    people: (known) => ({ users: known }),
    findingTenant: () => SIM_TENANT_ID,
    resourceNames: () => names,
    label: 'simulated Contoso Bank tenant (embedded mode)',
    answerLabel: 'simulated Contoso Bank tenant',
    workspaceResourceId: config.azure.workspaceResourceId ?? SIMULATED_WORKSPACE_RESOURCE_ID,
    start: async () => undefined,
    stop: () => undefined,
    simulation: { raiseAlert: (at) => dataSource.raiseAlert(at) },
  };
}
