/**
 * Turn benchmark (`npm run bench:turns`): drives the real POST /api/messages of the bot (embedded mode) with
 * questions sampled from test/nlu/heldout.jsonl, at a fixed concurrency, with a local capture server as the
 * activities' serviceUrl (replies go there, as to the Bot Framework connector). The same harness then drives a
 * bare botbuilder echo bot (CloudAdapter + restify) in the same process, as the baseline. Writes the "Turns"
 * section of docs/benchmarks.md.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudAdapter, ConfigurationServiceClientCredentialFactory, createBotFrameworkAuthenticationFromConfiguration } from 'botbuilder';
import restify from 'restify';
import { startBot } from '../src/bot';
import { parseConfig } from '../src/config';
import { setLogLevel } from '../src/log';
import { machineDescription, markdownTable, writeBenchmarkSection } from './report';

const ROOT = join(__dirname, '..');
const QUESTIONS = Number(process.env.BENCH_TURNS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const WARMUP = 200;

interface Run {
  latencies: number[];
  seconds: number;
  replies: number;
  errors: number;
}

/** Stands in for the Bot Framework connector: answers every reply like the real service, counting them. */
async function startCapture(): Promise<{ url: string; replies: () => number; stop: () => Promise<void> }> {
  let replies = 0;
  let next = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST') replies++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${++next}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    replies: () => replies,
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** A bare botbuilder bot: CloudAdapter + restify, answering every message with its text. */
async function startEchoBot(): Promise<{ url: string; stop: () => Promise<void> }> {
  const adapter = new CloudAdapter(createBotFrameworkAuthenticationFromConfiguration(null, new ConfigurationServiceClientCredentialFactory({})));
  const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024 }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      if (context.activity.type === 'message') await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${address.port}`, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Deterministic sample (mulberry32), so every run asks the same questions in the same order. */
function sample(questions: string[], n: number, seed = 7): string[] {
  let a = seed;
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, () => questions[Math.floor(rand() * questions.length)]!);
}

let seq = 0;
function messageActivity(serviceUrl: string, text: string): string {
  seq++;
  return JSON.stringify({
    type: 'message',
    id: `bench-${seq}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `user-${seq % 50}`, name: 'Bench User', aadObjectId: '1a0b0c0d-0000-4000-8000-000000000001' },
    recipient: { id: '28:ai-posture-bot', name: 'AI Posture Bot' },
    conversation: { id: `bench-conversation-${seq % 50}`, conversationType: 'personal', tenantId: '7f3e5a1c-2b4d-4e6f-8a9b-0c1d2e3f4a5b' },
    channelData: { tenant: { id: '7f3e5a1c-2b4d-4e6f-8a9b-0c1d2e3f4a5b' } },
    text,
  });
}

/** Posts every question as its own turn, `concurrency` at a time; a turn ends when the endpoint answers. */
async function drive(botUrl: string, serviceUrl: string, questions: string[], concurrency: number, replies: () => number): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const before = replies();
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(`${botUrl}/api/messages`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < questions.length) {
        const text = questions[next++]!;
        const t0 = performance.now();
        const status = await post(messageActivity(serviceUrl, text)).catch(() => 0);
        latencies.push(performance.now() - t0);
        if (status !== 200) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies, seconds, replies: replies() - before, errors };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(run: Run) {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1)!, throughput: run.latencies.length / run.seconds };
}

async function main(): Promise<void> {
  setLogLevel('silent');
  const load = loadavg()[0]!.toFixed(1);
  const heldout = readFileSync(join(ROOT, 'test', 'nlu', 'heldout.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const questions = sample(heldout, QUESTIONS);
  const capture = await startCapture();

  const echo = await startEchoBot();
  await drive(echo.url, capture.url, sample(heldout, WARMUP, 11), CONCURRENCY, capture.replies);
  const echoRun = await drive(echo.url, capture.url, questions, CONCURRENCY, capture.replies);
  await echo.stop();

  const dir = mkdtempSync(join(tmpdir(), 'bench-turns-'));
  const bot = await startBot(parseConfig({ PORT: '0', SQLITE_PATH: join(dir, 'bot.sqlite'), LOG_LEVEL: 'silent' }, ROOT));
  // JIT and the Kusto parser's one-time start (~1 s) only: every question's catalog query still runs cold.
  await drive(bot.url, capture.url, sample(['help', 'show the AI inventory'], WARMUP, 11), CONCURRENCY, capture.replies);
  const coldRun = await drive(bot.url, capture.url, questions, CONCURRENCY, capture.replies);
  // Right after: answers younger than 30 s are reused; older ones expire and run again, as in production.
  const botRun = await drive(bot.url, capture.url, questions, CONCURRENCY, capture.replies);
  await bot.stop();
  await capture.stop();

  const b = summary(botRun);
  const c = summary(coldRun);
  const e = summary(echoRun);
  const ratio = b.throughput / e.throughput;
  const coldRatio = c.throughput / e.throughput;
  const ms = (v: number) => v.toFixed(1);
  const table = markdownTable(
    ['', 'turns', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'turns/s', 'replies', 'errors'],
    [
      ['AI Posture Bot, answers cached (steady state)', String(botRun.latencies.length), ms(b.p50), ms(b.p95), ms(b.p99), ms(b.max), b.throughput.toFixed(0), String(botRun.replies), String(botRun.errors)],
      ['AI Posture Bot, cold cache (first pass after start)', String(coldRun.latencies.length), ms(c.p50), ms(c.p95), ms(c.p99), ms(c.max), c.throughput.toFixed(0), String(coldRun.replies), String(coldRun.errors)],
      ['botbuilder echo bot (baseline)', String(echoRun.latencies.length), ms(e.p50), ms(e.p95), ms(e.p99), ms(e.max), e.throughput.toFixed(0), String(echoRun.replies), String(echoRun.errors)],
    ],
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  const distinct = new Set(questions).size;
  const markdown = `${new Date().toISOString().slice(0, 10)} · ${machineDescription()} · load average ${load} at the start (other processes share the machine)

\`npm run bench:turns\`: ${QUESTIONS} message turns at concurrency ${CONCURRENCY} through the real \`POST /api/messages\`
(anonymous, embedded mode), questions sampled from \`test/nlu/heldout.jsonl\` (${distinct} distinct), replies posted to a
local capture server standing in for the connector; a turn ends when the endpoint answers (after the reply was posted).
The same harness and questions drive a bare botbuilder echo bot (CloudAdapter + restify) in the same process first
(after ${WARMUP} warm-up turns). The bot gets ${WARMUP} warm-up turns that run no catalog query (JIT, Kusto parser start), then
two passes over the questions: the *cold* pass runs each distinct (intent, slots) catalog query for the first time on the
local KQL engine (CPU-bound, on the event loop, so a slow query delays the turns sharing the process); the *steady
state* pass follows at once, with answers cached per (intent, slots) for 30 s as in production (older ones expire and
run again). Every turn still recognizes the question, renders and posts the answer card (5–20 KB).

${table}

Throughput ratio (bot / echo bot): **${(ratio * 100).toFixed(0)}%** steady state, ${(coldRatio * 100).toFixed(0)}% cold (aim ≥ 40%).
p99: **${ms(b.p99)} ms** steady state, ${ms(c.p99)} ms cold (aim ≤ 100 ms).`;
  writeBenchmarkSection('Turns', markdown);
  process.stdout.write(`${markdown}\n\nwrote the "Turns" section of docs/benchmarks.md\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
