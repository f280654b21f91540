import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config';
import { EmbeddedQueryRunner } from '../data/embedded-query-runner';
import type { CatalogIntent, Slots } from '../domain/intents';
import type { QueryResult } from '../domain/ports';
import { loadCatalog } from '../queries/catalog';
import { runCatalogQuery } from '../queries/run';
import { createSimulatedTenant } from '../sim';
import { PACKAGE_ROOT } from '../paths';
import { openDatabase } from '../store/database';
import { DecisionRegister } from '../store/register';
import { toCsv } from './csv';

export const EXPORT_USAGE = `Usage: ai-posture-bot export <inventory|recommendations|attack-paths|alerts|register> --format csv
         [--zone 1|2|3] [--from <date> --to <date>] [--out <file>] [--as-of <date>]

  Writes the FSI evidence exports (RFC 4180 CSV with a header row) to stdout or --out.
  --from/--to select alerts by time generated, recommendations by unhealthy-since and register entries by
  decision time; inventory and attack paths are point-in-time snapshots. --as-of sets the simulated tenant's
  clock (embedded mode) so an export can be reproduced.
`;

/** Each export is a catalog query (the same rows the bot shows), or the decision register. */
const EXPORTS: Record<string, { intent?: CatalogIntent; timeColumn?: string }> = {
  inventory: { intent: 'inventory' },
  recommendations: { intent: 'recommendations', timeColumn: 'UnhealthySince' },
  'attack-paths': { intent: 'attack_paths' },
  alerts: { intent: 'alerts', timeColumn: 'TimeGenerated' },
  register: { timeColumn: 'at' },
};

export class ExportError extends Error {
  override name = 'ExportError';
}

interface ExportOptions {
  name: string;
  zone?: 1 | 2 | 3;
  from?: Date;
  to?: Date;
  out?: string;
  asOf?: Date;
}

function parseDate(flag: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) throw new ExportError(`--${flag} "${value}" is not a date: use YYYY-MM-DD or an ISO 8601 date-time.`);
  return d;
}

export function parseExportArgs(args: string[]): ExportOptions {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, zone: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, 'as-of': { type: 'string' } } });
  } catch (err) {
    throw new ExportError(`${(err as Error).message}\n\n${EXPORT_USAGE}`);
  }
  const { values, positionals } = parsed;
  const [name, ...extra] = positionals;
  if (!name || !EXPORTS[name]) throw new ExportError(`${name ? `Unknown export "${name}"` : 'Say which export'}: use one of ${Object.keys(EXPORTS).join(', ')}.\n\n${EXPORT_USAGE}`);
  if (extra.length) throw new ExportError(`Unexpected argument "${extra[0]}".\n\n${EXPORT_USAGE}`);
  if (values.format !== 'csv') throw new ExportError(`--format csv is required${values.format ? ` (got "${values.format}")` : ''}: CSV is the only evidence format.`);
  const zone = values.zone === undefined ? undefined : Number(values.zone);
  if (zone !== undefined && zone !== 1 && zone !== 2 && zone !== 3) throw new ExportError(`--zone must be 1, 2 or 3 (got "${values.zone}").`);
  const from = parseDate('from', values.from);
  const to = parseDate('to', values.to);
  if ((from || to) && !EXPORTS[name]!.timeColumn) throw new ExportError(`${name} is a point-in-time snapshot: --from/--to do not apply (use --as-of for another moment in embedded mode).`);
  if (from && to && from >= to) throw new ExportError('--from must be before --to.');
  return { name, ...(zone ? { zone: zone as 1 | 2 | 3 } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), ...(values.out ? { out: values.out } : {}), ...(values['as-of'] ? { asOf: parseDate('as-of', values['as-of']) } : {}) };
}

/** ISO 8601 duration reaching back from `now` to `from` (the catalog's timeRange slot), at least one day. */
function rangeSince(from: Date | undefined, now: Date): string | undefined {
  if (!from) return undefined;
  return `P${Math.max(1, Math.ceil((now.getTime() - from.getTime()) / 86_400_000))}D`;
}

function inRange(v: unknown, o: ExportOptions): boolean {
  const t = v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : NaN;
  if (Number.isNaN(t)) return !o.from && !o.to;
  return (!o.from || t >= o.from.getTime()) && (!o.to || t < o.to.getTime());
}

/** Runs the export's catalog query (embedded mode: on the simulated tenant) and returns columns and rows. */
export async function catalogExport(o: ExportOptions, config: Pick<Config, 'mode' | 'simulation' | 'zoneTag'>, now: Date): Promise<QueryResult> {
  if (config.mode !== 'embedded') throw new ExportError('Exports from MODE=azure are not available yet: the Azure query adapters are being wired. Use MODE=embedded.');
  const spec = EXPORTS[o.name]!;
  const tenant = createSimulatedTenant({ seed: config.simulation.seed, now });
  const runner = new EmbeddedQueryRunner(tenant, { now: () => now });
  const slots: Slots = { ...(o.zone ? { zone: o.zone } : {}) };
  const range = o.name === 'alerts' ? rangeSince(o.from, now) : undefined;
  if (range) slots.timeRange = range;
  const { result } = await runCatalogQuery(runner, loadCatalog(), spec.intent!, slots, { zoneTag: config.zoneTag });
  if (!spec.timeColumn || (!o.from && !o.to)) return result;
  const i = result.columns.findIndex((c) => c.name === spec.timeColumn);
  return { columns: result.columns, rows: result.rows.filter((r) => inRange(r[i], o)) };
}

const REGISTER_COLUMNS = ['seq', 'at', 'tenantId', 'findingKey', 'zone', 'verb', 'actorId', 'actorName', 'role', 'justification', 'before', 'after', 'prevHash', 'hash'] as const;

async function registerExport(o: ExportOptions, config: Config): Promise<QueryResult> {
  const db = await openDatabase(config.store);
  try {
    const entries = await new DecisionRegister(db).list({ ...(o.from ? { from: o.from.toISOString() } : {}), ...(o.to ? { to: o.to.toISOString() } : {}) });
    const rows = entries.filter((e) => (!o.zone || e.zone === o.zone) && inRange(e.at, o)).map((e) => REGISTER_COLUMNS.map((c) => e[c]));
    return { columns: REGISTER_COLUMNS.map((name) => ({ name, type: 'string' })), rows };
  } finally {
    await db.destroy();
  }
}

/** `ai-posture-bot export …`: evidence CSVs for auditors (docs/digest.md, "Evidence exports"). */
export async function exportCommand(args: string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(EXPORT_USAGE);
    return;
  }
  const o = parseExportArgs(args);
  const config = loadConfig(PACKAGE_ROOT);
  const result = o.name === 'register' ? await registerExport(o, config) : await catalogExport(o, config, o.asOf ?? new Date());
  const csv = toCsv(result.columns.map((c) => c.name), result.rows);
  if (o.out) {
    writeFileSync(o.out, csv);
    process.stderr.write(`Wrote ${result.rows.length} ${o.name} rows to ${o.out}\n`);
  } else process.stdout.write(csv);
}
