import type { TokenCredential } from '@azure/identity';
import type { Config } from '../config';
import type { Clock } from '../domain/ports';
import { ArgFindingFeed } from '../notify/arg-feed';
import { loadCatalog } from '../queries';
import type { AzureClientOptions } from './azure/client-options';
import { createAzureCredential } from './azure/credential';
import { AzureDataSource, ObservedRunner } from './azure/health';
import { InventoryNames } from './azure/inventory';
import { createAzureQueryRunner } from './azure/runner';
import { AzureDefenderActions, AzureSecurityStandards } from './defender-actions/azure';
import { ExemptionTargetResolver } from './defender-actions/exemption-targets';
import type { DataMode } from './mode';
import { GraphClient } from './graph/client';
import { GraphGroupMembers } from './graph/groups';
import { GraphUserDirectory } from './graph/users';

/** What tests (and only tests) pass to Azure mode instead of the defaults; production passes nothing. */
export interface AzureModeOptions {
  /** Default: createAzureCredential (the user-assigned managed identity of AZURE_CLIENT_ID, else DefaultAzureCredential). */
  credential?: TokenCredential;
  /** Per-client SDK options, e.g. a stub's CA (`tlsOptions.ca`) and short retries. Default: SDK defaults. */
  clientOptions?: AzureClientOptions;
  /** Deadline per query, SDK retries included (default 30 s). */
  timeoutMs?: number;
}

/**
 * MODE=azure: Log Analytics and Resource Graph through the Azure query runner, findings from Resource Graph,
 * write-backs through ARM (Microsoft.Security, Policy), all with the bot's managed identity.
 */
export function createAzureMode(config: Config, clock: Clock, options: AzureModeOptions = {}): DataMode {
  const { subscriptionIds, workspaceId, clientId, logsEndpoint, resourceManagerEndpoint, workspaceResourceId } = config.azure;
  // config validation guarantees these in Azure mode; this keeps a programming error from starting half-wired.
  if (!workspaceId || subscriptionIds.length === 0) throw new Error('MODE=azure needs LOG_ANALYTICS_WORKSPACE_ID and AZURE_SUBSCRIPTION_IDS');
  const credential = options.credential ?? createAzureCredential({ clientId });
  const runner = createAzureQueryRunner({
    credential,
    workspaceId,
    subscriptionIds,
    logsEndpoint,
    resourceGraphEndpoint: resourceManagerEndpoint,
    timeoutMs: options.timeoutMs,
    clientOptions: options.clientOptions,
  });
  // The inventory, answers, digest and feed all run through the observed runner, so /healthz sees their failures.
  const observed = new ObservedRunner(runner, clock);
  const inventory = new InventoryNames({ runner: observed, catalog: loadCatalog(), zoneTag: config.zoneTag, clock });
  const actions = new AzureDefenderActions({ credential, endpoint: resourceManagerEndpoint, clientOptions: options.clientOptions });
  return {
    dataSource: new AzureDataSource({ runner: observed, inventory: () => inventory.state(), clock }),
    queryRunner: observed,
    findingFeed: new ArgFindingFeed(observed, config.zoneTag),
    // Stable across restarts, so a restart resumes from the stored watermarks instead of taking a new baseline.
    feedScope: `azure:${[...subscriptionIds].map((s) => s.toLowerCase()).sort().join(',')}`,
    defenderActions: actions,
    writeTargets: new ExemptionTargetResolver({ runner: observed, standards: new AzureSecurityStandards(actions.arm), clock }),
    people: (known) => {
      const graph = new GraphClient({ credential, endpoint: config.graph.endpoint, clientOptions: options.clientOptions });
      return { users: new GraphUserDirectory(graph, known), groups: new GraphGroupMembers(graph, clock) };
    },
    // The Teams tenant and the Defender tenant are the same directory.
    findingTenant: (teamsTenantId) => teamsTenantId,
    resourceNames: () => inventory.current(),
    label: 'Microsoft Defender for Cloud (Azure mode)',
    workspaceResourceId,
    start: () => inventory.start(),
    stop: () => inventory.stop(),
  };
}
