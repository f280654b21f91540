/**
 * `ai-posture-bot ask "<question>"`: the bot's question pipeline without Teams, on the embedded tenant.
 * `--json` prints {"intent","confidence","slots","kql","columns","rows"}; without a question it reads one
 * question per line from standard input and prints one JSON object per line, in order.
 */
import { createInterface } from 'node:readline';
import { formatRow, rowObjects } from '../answers/columns';
import { createAnswerService } from '../answers/create';
import { jsonValue } from '../answers/format';
import type { AnswerService } from '../answers/service';
import { slotSummary } from '../answers/slot-summary';
import { VIEWS } from '../answers/views';
import { loadConfig } from '../config';
import { SIMULATED_WORKSPACE_RESOURCE_ID } from '../data/embedded';
import { EmbeddedQueryRunner } from '../data/embedded-query-runner';
import { CATALOG_INTENTS, type CatalogIntent } from '../domain/intents';
import { DataUnavailableError, type ResultColumn } from '../domain/ports';
import { setLogLevel } from '../log';
import { PACKAGE_ROOT } from '../paths';
import { loadCatalog, SlotError } from '../queries';
import { createSimulatedTenant } from '../sim';
import { llmPlannerFactory } from '../teams/llm-planner';
import { textTable } from './kql';

export const ASK_USAGE = `Usage: ai-posture-bot ask [--json] [--user <upn>] "<question>"
       ai-posture-bot ask --json [--user <upn>] < questions.txt

Answers a question the way the bot does (intent + slots → prebuilt catalog query) on the embedded simulated
tenant, and prints the intent, the slots, a table and the KQL that ran.
  --json         one JSON object: {"intent","confidence","slots","kql","columns","rows"} (kql null for help/none);
                 without a question, reads one question per line from standard input, one object per line
  --user <upn>   who is asking ("what's assigned to me" needs it)
Exit codes: 0 answered, 1 the data could not be read, 2 usage error.
`;

interface Options {
  json: boolean;
  user?: string;
  question?: string;
}

export interface AskJson {
  intent: string;
  confidence: number;
  slots: Record<string, unknown>;
  kql: string | null;
  columns: ResultColumn[];
  rows: unknown[][];
  /** Only when the question could not be answered (data unavailable, a missing --user). */
  error?: string;
}

const CATALOG = new Set<string>(CATALOG_INTENTS);
const MAX_PRINTED_ROWS = 50;
const MAX_CELL = 60;

function parseArgs(args: string[]): Options | string {
  const options: Options = { json: false };
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') options.json = true;
    else if (a === '--user') {
      const v = args[++i];
      if (!v || v.startsWith('--')) return '--user needs a value (a UPN such as priya.shah@contoso.com).';
      options.user = v;
    } else if (a.startsWith('--')) return `Unknown option ${a}.`;
    else words.push(a);
  }
  if (words.length > 1) return 'Give one question (quote it).';
  if (words.length === 1) options.question = words[0];
  if (!options.question && !options.json) return 'Give a question, or --json to read questions from standard input.';
  return options;
}

/** Runs the command; returns the exit code. */
export async function askCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(ASK_USAGE);
    return 0;
  }
  const options = parseArgs(args);
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n\n${ASK_USAGE}`);
    return 2;
  }
  // Standard output carries the answer: the bot's log lines stay out of it.
  setLogLevel('silent');
  const service = await embeddedService();
  if (options.question !== undefined) {
    const answer = await answerJson(service, options.question, options.user);
    process.stdout.write(options.json ? `${JSON.stringify(answer)}\n` : readable(answer));
    return answer.error ? 1 : 0;
  }
  let code = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const answer = await answerJson(service, line, options.user);
    if (answer.error) code = 1;
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  }
  return code;
}

async function embeddedService(): Promise<AnswerService> {
  const config = loadConfig(PACKAGE_ROOT);
  if (config.mode !== 'embedded') throw new Error('ask runs on the embedded simulated tenant only (MODE=embedded).');
  const now = new Date();
  const clock = { now: () => now };
  const tenant = createSimulatedTenant({ seed: config.simulation.seed, now });
  return createAnswerService({
    runner: new EmbeddedQueryRunner(tenant, clock),
    catalog: loadCatalog(),
    clock,
    zoneTag: config.zoneTag,
    portal: { tenantId: config.azure.tenantId, workspaceResourceId: config.azure.workspaceResourceId ?? SIMULATED_WORKSPACE_RESOURCE_ID },
    resourceNames: tenant.resources.map((r) => r.name),
    llm: config.llm ? llmPlannerFactory(config.llm) : undefined,
  });
}

/** One question → the JSON contract (slots as understood: only what the question stated). */
export async function answerJson(service: AnswerService, question: string, user?: string): Promise<AskJson> {
  const u = await service.understand(question, { user: async () => user });
  const base: AskJson = { intent: u.intent, confidence: u.confidence, slots: { ...u.slots }, kql: null, columns: [], rows: [] };
  if (!CATALOG.has(u.intent)) return base;
  if (u.intent === 'my_queue' && !u.slots.user) return { ...base, error: 'my_queue needs --user <upn>: whose queue to show.' };
  try {
    const { answer } = await service.execute(u.intent as CatalogIntent, u.slots);
    return { ...base, kql: answer.text, columns: answer.result.columns, rows: answer.result.rows.map((r) => r.map(jsonValue)) };
  } catch (err) {
    if (err instanceof DataUnavailableError) return { ...base, error: err.userMessage };
    if (err instanceof SlotError) return { ...base, error: err.message };
    throw err;
  }
}

function readable(a: AskJson): string {
  const lines = [`Intent:     ${a.intent} (confidence ${a.confidence.toFixed(2)})`, `Slots:      ${slotSummary(a.slots) || '(none stated)'}`];
  if (a.error) return `${lines.join('\n')}\nError:      ${a.error}\n`;
  if (a.kql === null) {
    const hint = a.intent === 'help' ? 'Ask about AI security posture' : 'That is outside what I can answer; ask about AI security posture';
    return `${lines.join('\n')}\n\n${hint}, e.g. "show Zone 3 attack paths", "jailbreak attempts this week", "what's our AI secure score".\n`;
  }
  const view = VIEWS[a.intent as CatalogIntent];
  const objects = rowObjects(a.columns, a.rows.map((r) => r.map((v, i) => (a.columns[i]!.type === 'datetime' && typeof v === 'string' ? new Date(v) : v))));
  const shown = view.cli.map((name) => a.columns.find((c) => c.name === name)!).filter(Boolean);
  const cells = objects.slice(0, MAX_PRINTED_ROWS).map((o) => {
    const f = formatRow(a.columns, o);
    return shown.map((c) => clip(f[c.name] ?? ''));
  });
  lines.push(`Rows:       ${a.rows.length}`, '');
  if (a.rows.length > 0) lines.push(...textTable(shown.map((c) => c.name), cells));
  if (a.rows.length > MAX_PRINTED_ROWS) lines.push(`… ${a.rows.length - MAX_PRINTED_ROWS} more rows (--json prints all)`);
  lines.push('', 'KQL:', a.kql);
  return `${lines.join('\n')}\n`;
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > MAX_CELL ? `${one.slice(0, MAX_CELL - 1)}…` : one;
}
