import type { CatalogIntent, Slots } from '../domain/intents';
import type { Finding } from '../domain/finding';
import type { QueryResult, QueryRunner } from '../domain/ports';
import type { Catalog } from '../queries/catalog';
import { runCatalogQuery } from '../queries/run';
import { inventoryFromResult } from '../queries/scope';

/** A result row keyed by column name (values as in docs/conventions.md). */
export type Row = Record<string, unknown>;

/** A Zone 3 risk acceptance awaiting the committee (from the triage decision register, when it exists). */
export interface PendingAcceptance {
  findingKey: string;
  version: number;
  title: string;
  resourceName: string;
  requestedBy: string;
  justification: string;
  expiresOn: Date;
  approvals: number;
  required: number;
}

/** One decision register entry, as far as the digest reads it. */
export interface RegisterDecision {
  verb: string;
  zone: number;
  at: string;
  before: unknown;
  after: unknown;
}

/** Where the digest's figures come from: catalog queries, the finding store and the decision register. */
export interface DigestSources {
  runner: QueryRunner;
  catalog: Catalog;
  zoneTag: string;
  /** Resolved recommendation findings (remediation velocity); absent: velocity reads "no data". */
  resolvedFindings?: () => Promise<Finding[]>;
  /** Pending Zone 3 acceptances; absent until the triage register exists (the card says so). */
  pendingAcceptances?: () => Promise<PendingAcceptance[]>;
  /** Decision register entries in [from, to) (acceptances granted, findings reopened). */
  registerEntries?: (from: Date, to: Date) => Promise<RegisterDecision[]>;
}

/** Every input of one digest, gathered once so building the card is a pure function of it. */
export interface DigestInputs {
  inventory: Row[];
  alertTrend: Row[];
  secureScore: Row[];
  summary: Record<'all' | 1 | 2 | 3, Row | undefined>;
  recommendations: Row[];
  attackPaths: Row[];
  overdue: Row[];
  register: Row[];
  compliance: Row[];
  topCallers: Row[];
  resolved: Finding[] | null;
  pending: PendingAcceptance[] | null;
  /** Register entries of this week and the one before; null without a register. */
  decisions: RegisterDecision[] | null;
}

export function rowsOf(result: QueryResult): Row[] {
  return result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c.name, r[i] ?? null])));
}

/** Runs the catalog queries the digest needs (sequentially: the runner may be rate-limited in Azure). */
export async function gatherDigestInputs(sources: DigestSources, options: { trendDays: number; from?: Date; to?: Date }): Promise<DigestInputs> {
  // The unfiltered inventory is both a section of the card and the zone scope of the other queries: read it once.
  const inventory = (await runCatalogQuery(sources.runner, sources.catalog, 'inventory', {}, { zoneTag: sources.zoneTag })).result;
  const inventoryScope = inventoryFromResult(inventory);
  const run = async (intent: CatalogIntent, slots: Slots = {}): Promise<Row[]> =>
    rowsOf((await runCatalogQuery(sources.runner, sources.catalog, intent, slots, { zoneTag: sources.zoneTag, inventory: inventoryScope })).result);
  const first = async (intent: CatalogIntent, slots: Slots): Promise<Row | undefined> => (await run(intent, slots))[0];
  const trend = `P${options.trendDays}D`;
  return {
    inventory: rowsOf(inventory),
    alertTrend: await run('alert_trend', { timeRange: trend }),
    secureScore: await run('secure_score', { timeRange: trend }),
    summary: {
      all: await first('exec_summary', {}),
      1: await first('exec_summary', { zone: 1 }),
      2: await first('exec_summary', { zone: 2 }),
      3: await first('exec_summary', { zone: 3 }),
    },
    recommendations: await run('recommendations'),
    attackPaths: await run('attack_paths'),
    overdue: await run('overdue'),
    register: await run('risk_register'),
    compliance: await run('compliance'),
    topCallers: await run('top_callers', { timeRange: 'P7D' }),
    resolved: sources.resolvedFindings ? await sources.resolvedFindings() : null,
    pending: sources.pendingAcceptances ? await sources.pendingAcceptances() : null,
    decisions: sources.registerEntries && options.from && options.to ? await sources.registerEntries(options.from, options.to) : null,
  };
}
