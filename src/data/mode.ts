import type { DefenderDataSource, QueryRunner } from '../domain/ports';
import type { GroupMembers } from '../domain/roles';
import type { DefenderActions, UserDirectory, WriteTargets } from '../domain/triage/ports';
import type { FindingFeed } from '../notify/feed';

/**
 * Everything that differs between MODE=embedded and MODE=azure, built by one factory per mode
 * (`createEmbeddedMode`, `createAzureMode`). The composition root (src/bot.ts) wires the rest of the bot
 * from these ports alone, so the code above them is the same in both modes.
 */
export interface DataMode {
  /** /healthz `dataSource`. */
  dataSource: DefenderDataSource;
  /** Catalog queries: answers, digest, inventory. */
  queryRunner: QueryRunner;
  /** What notifications ingest (new alerts, recommendation changes, attack paths). */
  findingFeed: FindingFeed;
  /** Watermark scope of the feed: a new scope starts with a silent baseline. */
  feedScope: string;
  /** Triage write-backs. */
  defenderActions: DefenderActions;
  /** Where a recommendation's exemption is written (policy assignment or Defender standard). */
  writeTargets: WriteTargets;
  /**
   * People and groups: `known` (the policy file's users) is the whole directory in embedded mode (the simulated
   * one); Azure mode adds Microsoft Graph (people search and lookups, Entra groups named by policy roles).
   */
  people(known: UserDirectory): { users: UserDirectory; groups?: GroupMembers };
  /** The Defender tenant whose findings a Teams tenant sees. */
  findingTenant(teamsTenantId: string): string;
  /** Inventory resource names for the `resource` slot; a new array when the inventory changed. */
  resourceNames(): readonly string[];
  /** Where the data comes from, for the welcome card and the digest. */
  label: string;
  /** Said after the source on answer cards ("Resource Graph · <answerLabel>"); absent in Azure mode. */
  answerLabel?: string;
  /** ARM id of the Log Analytics workspace answers link to ("Open in Log Analytics"). */
  workspaceResourceId?: string;
  /** Starts background work (Azure: the inventory refresh). Never rejects: a failed first load is reported by status(). */
  start(): Promise<void>;
  stop(): void;
  /** Embedded only: raise a simulated new alert (the trickle and `raiseSimulatedAlert`). */
  simulation?: { raiseAlert(at: Date): { id: string } };
}
