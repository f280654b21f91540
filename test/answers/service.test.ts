import assert from 'node:assert/strict';
import { AnswerService, type Reply } from '../../src/answers/service';
import { EmbeddedQueryRunner } from '../../src/data/embedded-query-runner';
import { DataUnavailableError, type QueryResult, type QueryRunner } from '../../src/domain/ports';
import { setLogLevel } from '../../src/log';
import { Recognizer } from '../../src/nlu';
import { loadCatalog } from '../../src/queries';
import { createSimulatedTenant } from '../../src/sim';
import { NOW } from './support';
import { nodes, texts } from './support';

const catalog = loadCatalog();
const tenant = createSimulatedTenant({ now: NOW });
const names = tenant.resources.map((r) => r.name);

/** The real embedded runner, counting the queries that reach it. */
class CountingRunner implements QueryRunner {
  readonly ran: string[] = [];
  private readonly inner: EmbeddedQueryRunner;
  constructor(clock: { now(): Date }) {
    this.inner = new EmbeddedQueryRunner(tenant, clock);
  }
  run(query: { id: string; source: 'logs' | 'resourcegraph'; text: string }): Promise<QueryResult> {
    this.ran.push(query.id);
    return this.inner.run(query);
  }
}

/** A data source that is down (a test double of the QueryRunner port). */
const outage: QueryRunner = {
  run: () => Promise.reject(new DataUnavailableError('Defender data is not reachable right now (Log Analytics timed out). Try again in a minute.', 'timeout', { cause: new Error('ETIMEDOUT at 10.0.0.4:443') })),
};

const textOf = (reply: Reply) => (reply.kind === 'text' ? reply.text : assert.fail(`expected text, got a ${reply.intent} card`));
const cardOf = (reply: Reply) => (reply.kind === 'card' ? reply.card : assert.fail(`expected a card, got "${reply.text}"`));

describe('answers/service', function () {
  this.timeout(20_000);
  let recognizer: Recognizer;
  let now: Date;
  const clock = { now: () => now };
  const service = (runner: QueryRunner, ttl?: number) =>
    new AnswerService({ understander: recognizer, runner, catalog, zoneTag: 'governance-zone', portal: {}, clock, cacheTtlMs: ttl });

  before(async () => {
    setLogLevel('silent');
    recognizer = await Recognizer.create({ resourceNames: names, now: () => NOW });
  });
  after(() => setLogLevel(process.env.LOG_LEVEL ?? 'info'));
  beforeEach(() => {
    now = NOW;
  });

  it('a data source error reaches the user as its userMessage, never a stack trace', async () => {
    const text = textOf(await service(outage).ask('show Zone 3 attack paths'));
    assert.equal(text, 'Defender data is not reachable right now (Log Analytics timed out). Try again in a minute.');
    assert.doesNotMatch(text, /ETIMEDOUT|at |Error/);
  });

  it('a failed run is not cached: the next ask tries again', async () => {
    let fail = true;
    const real = new CountingRunner(clock);
    const flaky: QueryRunner = { run: (q) => (fail ? outage.run(q) : real.run(q)) };
    const s = service(flaky);
    textOf(await s.ask('show Zone 3 attack paths'));
    fail = false;
    cardOf(await s.ask('show Zone 3 attack paths'));
  });

  it('reuses an answer for the same intent and slots for 30 s, then runs again', async () => {
    const runner = new CountingRunner(clock);
    const s = service(runner);
    await s.ask('show Zone 3 attack paths');
    await s.ask('attack paths in z3');
    now = new Date(NOW.getTime() + 29_000);
    await s.ask('show zone 3 attack paths');
    assert.deepEqual(runner.ran, ['attack_paths']);
    now = new Date(NOW.getTime() + 31_000);
    await s.ask('show zone 3 attack paths');
    assert.deepEqual(runner.ran, ['attack_paths', 'attack_paths']);
  });

  it('concurrent askers of the same question share one run', async () => {
    const runner = new CountingRunner(clock);
    const s = service(runner);
    await Promise.all(Array.from({ length: 8 }, () => s.ask('jailbreak attempts this week')));
    assert.deepEqual(runner.ran, ['alerts']);
  });

  it('resolves zone filters of Log Analytics queries through the inventory (cached too)', async () => {
    const runner = new CountingRunner(clock);
    const s = service(runner);
    await s.ask('top callers in zone 3 this week');
    await s.ask('large responses in zone 3 today');
    assert.deepEqual(runner.ran, ['inventory', 'top_callers', 'large_responses']);
  });

  it('says which understood slots the query cannot apply', async () => {
    const card = cardOf(await service(new CountingRunner(clock)).answer('secure_score', { zone: 3 }, 0));
    assert.ok(texts(card).includes('Not applied: Zone 3 (Regulated) (secure score trend cannot be filtered that way).'), texts(card).join('\n'));
  });

  it('my_queue without a known user says so and runs nothing', async () => {
    const runner = new CountingRunner(clock);
    assert.match(textOf(await service(runner).ask("what's assigned to me")), /could not tell who you are/);
    assert.deepEqual(runner.ran, []);
  });

  it('my_queue binds the asker, resolved only for that question', async () => {
    let asked = 0;
    const asker = { user: async () => (asked++, 'elena.rodriguez@contoso.com') };
    const s = service(new CountingRunner(clock));
    await s.ask('show zone 3 attack paths', asker);
    assert.equal(asked, 0);
    const card = cardOf(await s.ask("what's on my plate", asker));
    assert.equal(asked, 1);
    assert.equal(texts(card)[1], 'assigned to elena.rodriguez@contoso.com');
  });

  it('a low-confidence question offers up to three catalog questions, never help or none', async () => {
    const card = cardOf(await service(new CountingRunner(clock)).ask('models in zone 3'));
    const buttons = nodes(card).filter((n) => n.verb === 'run_intent');
    assert.ok(buttons.length >= 1 && buttons.length <= 3);
    for (const b of buttons) assert.ok(catalog.has((b.data as { intent: never }).intent));
  });
});
