/**
 * `ai-posture-bot kql "<query>" [--json]`: runs any KQL the local engine supports against the embedded
 * (simulated) tenant, for developers writing catalog queries. The bot itself never runs free-text KQL.
 */
import { ConfigError, loadConfig, type Config } from '../config';
import { KqlEngine, KqlError, type KqlColumn, type KqlDiagnostic } from '../kql';
import { PACKAGE_ROOT } from '../paths';
import { ALL_TABLES } from '../schemas';
import { createSimulatedTenant, DEFAULT_SEED } from '../sim';

export const KQL_USAGE = `Usage: ai-posture-bot kql [--json] "<query>"

Runs a KQL query against the embedded simulated tenant (seed from SIM_SEED, default ${DEFAULT_SEED}; now = current
time) and prints a table, or with --json {"columns":[{"name","type"}],"rows":[[...]]}.
Tables: ${ALL_TABLES.map((t) => t.name).join(', ')}.
Exit codes: 0 success, 1 query error (diagnostics with line:column), 2 usage error.
`;

interface Out {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const std: Out = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

/**
 * Runs the command; returns the exit code. The seed comes from the configuration (SIM_SEED, through
 * src/config like every setting); `env` replaces the process environment for tests.
 */
export function kqlCommand(args: string[], env?: NodeJS.ProcessEnv, out: Out = std, now: Date = new Date()): number {
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  if (rest.includes('--help') || rest.includes('-h')) {
    out.stdout(KQL_USAGE);
    return 0;
  }
  const unknown = rest.find((a) => a.startsWith('--'));
  if (unknown || rest.length !== 1 || !rest[0]!.trim()) {
    out.stderr(`${unknown ? `Unknown option ${unknown}.` : 'Give exactly one query (quote it).'}\n\n${KQL_USAGE}`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig(PACKAGE_ROOT, env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    // configSchema words a bad SIM_SEED as a zod type error; say what the CLI needs.
    const issues = err.issues.map((i) => (i.startsWith('SIM_SEED') ? `SIM_SEED must be a non-negative integer${/ \(got ".*"\)$/.exec(i)?.[0] ?? ''}` : i));
    out.stderr(`${new ConfigError(issues).message}\n`);
    return 2;
  }
  const query = rest[0]!;
  const engine = new KqlEngine(ALL_TABLES);
  try {
    const prepared = engine.prepare(query);
    const tenant = createSimulatedTenant({ seed: config.simulation.seed, now });
    const result = prepared.run(tenant.tables, { now });
    out.stdout(json ? `${JSON.stringify(toJson(result.columns, result.rows))}\n` : formatTable(result.columns, result.rows));
    return 0;
  } catch (err) {
    if (!(err instanceof KqlError)) throw err;
    out.stderr(formatDiagnostics(query, err));
    return 1;
  }
}

/** `line:column: message (code)` for each diagnostic, with the offending line and a caret. */
export function formatDiagnostics(query: string, err: KqlError): string {
  const diagnostics: KqlDiagnostic[] = err.diagnostics.length > 0 ? err.diagnostics : [];
  if (diagnostics.length === 0) return `error: ${err.message}\n`;
  const lines = query.split('\n');
  return diagnostics
    .map((d) => {
      const src = lines[d.line - 1] ?? '';
      return `${d.line}:${d.column}: ${d.severity.toLowerCase()}: ${d.message} (${d.code})\n  ${src}\n  ${' '.repeat(Math.max(0, d.column - 1))}^\n`;
    })
    .join('');
}

/** A cell as text: datetimes ISO-8601 UTC, timespans as Kusto [d.]hh:mm:ss[.fff], dynamic values as JSON. */
export function cellValue(type: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (type === 'timespan' && typeof v === 'number') return formatTimespan(v);
  return v;
}

function formatTimespan(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const days = Math.floor(rest / 86_400_000);
  rest -= days * 86_400_000;
  const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
  const h = rest / 3_600_000;
  const m = (rest % 3_600_000) / 60_000;
  const s = (rest % 60_000) / 1000;
  const frac = rest % 1000 ? `.${String(Math.round(rest % 1000)).padStart(3, '0')}` : '';
  return `${sign}${days ? `${days}.` : ''}${pad(h)}:${pad(m)}:${pad(s)}${frac}`;
}

function toJson(columns: KqlColumn[], rows: unknown[][]): { columns: KqlColumn[]; rows: unknown[][] } {
  return { columns: columns.map((c) => ({ name: c.name, type: c.type })), rows: rows.map((r) => r.map((v, i) => cellValue(columns[i]!.type, v))) };
}

const MAX_CELL = 60;

function text(type: string, v: unknown): string {
  const c = cellValue(type, v);
  const s = c === null ? '' : typeof c === 'string' ? c : JSON.stringify(c);
  const flat = s.replace(/[\r\n\t]/g, ' ');
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}

/** Plain-text table lines: the header, a dashed rule, then the cells, in columns two spaces apart (shared with `ask`). */
export function textTable(header: readonly string[], cells: readonly string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: readonly string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
}

export function formatTable(columns: KqlColumn[], rows: unknown[][]): string {
  const cells = rows.map((r) => r.map((v, i) => text(columns[i]!.type, v)));
  return `${textTable(columns.map((c) => c.name), cells).join('\n')}\n(${rows.length} row${rows.length === 1 ? '' : 's'})\n`;
}
