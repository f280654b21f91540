import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { RunningBot } from '../src/bot';
import { ConfigError, parseConfig } from '../src/config';
import { AzureDataSource, ObservedRunner } from '../src/data/azure/health';
import { InventoryNames } from '../src/data/azure/inventory';
import { DataUnavailableError, type QueryResult, type QueryRunner } from '../src/domain/ports';
import { loadCatalog } from '../src/queries';
import { setLogLevel } from '../src/log';
import { activity, install, message } from './support/activities';
import { startAzureBot } from './support/azure-bot';
import { ATTACK_PATH_TITLE, AzureServicesStub, FABRIKAM, alertRow } from './support/azure-services-stub';
import { seedBotConnectorToken } from './support/bot-token';
import { cardsOf, ConnectorStub } from './support/connector-stub';
import { postActivity } from './support/bot';
import { JwtIssuer } from './support/jwt-issuer';

const APP_ID = '3c1d2e4f-0000-4000-8000-00000000b0d1';
const ROOT = join(__dirname, '..');

interface Health {
  status: string;
  mode: string;
  dataSource: { ok: boolean; kind: string; detail: string };
}

/**
 * MODE=azure end to end against local stand-ins: the real bot (JWT validation on, SQLite store) reads Log
 * Analytics and Resource Graph from an HTTPS stub with real response shapes, posts to a Bot Framework
 * connector stub, and is reached with tokens from a local issuer. Only the credential is a fake.
 */
describe('MODE=azure (bot against Log Analytics / Resource Graph stubs)', function () {
  this.timeout(30_000);
  const azure = new AzureServicesStub();
  const connector = new ConnectorStub();
  const issuer = new JwtIssuer();
  let unseed: () => void;
  const bots: RunningBot[] = [];

  const start = async (vars: Record<string, string> = {}): Promise<RunningBot> => {
    // Write-back is off by default in Azure; these tests exercise it (WRITEBACK=off has its own test).
    const bot = await startAzureBot(azure, issuer, APP_ID, { WRITEBACK: 'on', ...vars });
    bots.push(bot);
    return bot;
  };
  const signed = () => ({ authorization: `Bearer ${issuer.sign({ aud: APP_ID, serviceurl: connector.url })}` });
  const health = async (bot: RunningBot) => {
    const res = await fetch(`${bot.url}/healthz`);
    return { status: res.status, body: (await res.json()) as Health };
  };
  /** Sends a typed question and returns the bot's reply (card JSON or text). */
  const ask = async (bot: RunningBot, text: string, conversationId: string): Promise<string> => {
    const before = connector.posted().length;
    const res = await postActivity(bot, message(connector.url, text, conversationId), signed());
    assert.equal(res.status, 200);
    // The reply, not a typing indicator sent while a slow query runs.
    const isReply = (a: Record<string, unknown>) => a.type === 'message' && (a.text !== undefined || cardsOf(a).length > 0);
    await connector.waitFor(() => connector.posted().slice(before).some(isReply));
    const reply = connector.posted().slice(before).find(isReply)!;
    const cards = cardsOf(reply);
    return cards.length > 0 ? JSON.stringify(cards[0]) : String(reply.text);
  };

  before(async () => {
    setLogLevel('silent');
    await Promise.all([azure.start(), connector.start(), issuer.start()]);
    unseed = seedBotConnectorToken(APP_ID);
  });
  after(async () => {
    for (const bot of bots) await bot.stop();
    unseed();
    await Promise.all([azure.stop(), connector.stop(), issuer.stop()]);
    setLogLevel(process.env.LOG_LEVEL ?? 'info');
  });
  afterEach(() => {
    azure.fault = undefined;
  });

  describe('with the services up', () => {
    let bot: RunningBot;
    before(async () => {
      bot = await start();
    });

    it('starts, loads the AI inventory from Resource Graph and reports mode azure on /healthz', async () => {
      const { status, body } = await health(bot);
      assert.equal(status, 200);
      assert.equal(body.status, 'ok');
      assert.equal(body.mode, 'azure');
      assert.equal(body.dataSource.kind, 'azure');
      assert.match(body.dataSource.detail, /Log Analytics ok; Resource Graph ok; inventory: 2 AI resources/);
      assert.ok(azure.argQueries().some((q) => q.includes('ResourceName = name')), 'the catalog inventory query ran on Resource Graph');
      assert.ok(azure.requests.some((r) => r.path === `/v1/workspaces/${FABRIKAM.workspaceId}/query`), 'Log Analytics was probed');
    });

    it('caches the health status: a second /healthz within 60 s sends nothing to Azure', async () => {
      await health(bot);
      const sent = azure.requests.length;
      assert.equal((await health(bot)).status, 200);
      assert.equal(azure.requests.length, sent);
    });

    it('answers "show Zone 3 attack paths" with a card built from the Resource Graph rows', async () => {
      const res = await postActivity(bot, install(connector.url, 'azure-chat'), signed());
      assert.equal(res.status, 200);
      const card = await ask(bot, 'show Zone 3 attack paths', 'azure-chat');
      assert.match(card, new RegExp(ATTACK_PATH_TITLE));
      assert.match(card, /vm-jumpbox-01/);
      assert.match(card, /Resource Graph/);
      const sent = azure.argQueries().find((q) => q.includes('AttackPathId'))!;
      assert.match(sent, /let zone = int\(3\);/);
    });

    it('matches resource names from the Resource Graph inventory in questions', async () => {
      await ask(bot, 'attack paths on srch-fabrikam-dev', 'azure-chat');
      const sent = azure.argQueries().filter((q) => q.includes('AttackPathId')).pop()!;
      assert.match(sent, /let resource = "srch-fabrikam-dev";/);
    });

    for (const [name, fault, expected] of [
      ['throttled (429)', { status: 429, headers: { 'retry-after': '30' }, body: { error: { code: 'TooManyRequests', message: 'Too many requests' } } }, /^Defender data is unavailable \(Resource Graph is throttling the bot\), try again in 30 s\.$/],
      ['failing (503)', { status: 503, body: { error: { code: 'ServiceUnavailable', message: 'internal failure at node fe-17' } } }, /^Defender data is unavailable \(Resource Graph answered with a server error 503\), try again in a few minutes\.$/],
    ] as const) {
      it(`tells the user when Azure is ${name}, and /healthz shows degraded`, async () => {
        azure.fault = fault;
        const reply = await ask(bot, name.startsWith('throttled') ? 'show critical attack paths' : 'show high attack paths', 'azure-chat');
        assert.match(reply, expected);
        assert.doesNotMatch(reply, /fe-17|stack/);
        const { status, body } = await health(bot);
        assert.equal(status, 503);
        assert.equal(body.status, 'degraded');
        assert.equal(body.dataSource.ok, false);
        assert.match(body.dataSource.detail, /Resource Graph failing: Defender data is unavailable/);
      });
    }

    it('ingests a new alert row from Resource Graph and posts its finding card', async () => {
      azure.alerts.push(alertRow('2517-new-alert', 'Jailbreak attempt blocked on oai-fabrikam-prod', new Date()));
      const before = connector.posted().length;
      await bot.notifications.pollOnce();
      const posted = await connector.waitFor((r) => r.method === 'POST' && JSON.stringify(r.body).includes('Jailbreak attempt blocked on oai-fabrikam-prod'));
      assert.match(posted.path, /^\/v3\/conversations\/azure-chat\/activities/);
      const cards = connector.posted().slice(before).flatMap(cardsOf).map((c) => JSON.stringify(c));
      assert.ok(cards.some((c) => c.includes('oai-fabrikam-prod')), 'the card names the resource from the joined inventory row');
      assert.ok(!cards.some((c) => c.includes('Jailbreak attempt seen last week')), 'the start-up baseline is not announced');
      const finding = (await bot.notifications.findings.list({ kind: 'alert' })).find((f) => f.title.includes('blocked on oai-fabrikam-prod'));
      assert.equal(finding?.tenantId, FABRIKAM.tenantId);
      assert.equal(finding?.resource.zone, 3);
    });

    it('resolving the ingested alert from its card writes the state back through ARM', async () => {
      const finding = (await bot.notifications.findings.list({ kind: 'alert' })).find((f) => f.title.includes('blocked on oai-fabrikam-prod'))!;
      await bot.triage.worker.drain();
      // Marcus is a SOC analyst in env/policy.local.json.
      const marcus = { id: 'user-id-1', name: 'Marcus Chen', aadObjectId: '1a0b0c0d-0000-4000-8000-000000000002' };
      const invoke = activity(connector.url, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        from: marcus,
        replyToId: 'card-activity-1',
        value: { action: { type: 'Action.Execute', verb: 'resolve', data: { findingKey: finding.key, version: String(finding.version), reason: 'true_positive' } } },
      }, 'azure-chat');
      const res = await postActivity(bot, invoke, signed());
      assert.equal(res.status, 200);
      assert.match(JSON.stringify(await res.json()), /Resolved as true positive/);
      await bot.triage.worker.drain();
      const write = azure.requests.find((r) => r.method === 'POST' && r.path.includes('/alerts/2517-new-alert/'));
      assert.equal(write?.path, `/subscriptions/${FABRIKAM.subscriptionId}/resourceGroups/rg-ai/providers/Microsoft.Security/locations/eastus2/alerts/2517-new-alert/resolve?api-version=2021-11-01`);
      assert.match(String(write?.headers.authorization), /^Bearer fake-token$/);
    });
  });

  it('starts while Azure is down: /healthz is degraded and questions say the data is unavailable', async () => {
    azure.fault = { status: 503, body: { error: { code: 'ServiceUnavailable', message: 'down' } } };
    const bot = await start();
    const { status, body } = await health(bot);
    assert.equal(status, 503);
    assert.match(body.dataSource.detail, /inventory not loaded: Defender data is unavailable/);
    await postActivity(bot, install(connector.url, 'azure-down-chat'), signed());
    const reply = await ask(bot, 'show Zone 3 attack paths', 'azure-down-chat');
    assert.match(reply, /^Defender data is unavailable \(Resource Graph answered with a server error 503\), try again in a few minutes\.$/);
  });

  it('refuses to start without the Azure settings (configuration error)', () => {
    assert.throws(() => parseConfig({ MODE: 'azure' }, ROOT), (err: unknown) => err instanceof ConfigError && /AZURE_SUBSCRIPTION_IDS is required/.test(err.message));
  });

  it('validates the endpoint overrides', () => {
    const base = { MODE: 'azure', BOT_ID: APP_ID, AZURE_SUBSCRIPTION_IDS: FABRIKAM.subscriptionId, LOG_ANALYTICS_WORKSPACE_ID: FABRIKAM.workspaceId };
    assert.throws(() => parseConfig({ ...base, AZURE_LOGS_ENDPOINT: 'https://api.loganalytics.us' }, ROOT), /AZURE_LOGS_ENDPOINT must be an https:\/\/ URL ending with \/v1/);
    assert.throws(() => parseConfig({ ...base, AZURE_LOGS_ENDPOINT: 'http://api.loganalytics.us/v1' }, ROOT), /AZURE_LOGS_ENDPOINT/);
    assert.throws(() => parseConfig({ ...base, AZURE_RESOURCE_MANAGER_ENDPOINT: 'https://management.usgovcloudapi.net/sub' }, ROOT), /AZURE_RESOURCE_MANAGER_ENDPOINT must be an https:\/\/ origin/);
    const ok = parseConfig({ ...base, AZURE_LOGS_ENDPOINT: 'https://api.loganalytics.us/v1', AZURE_RESOURCE_MANAGER_ENDPOINT: 'https://management.usgovcloudapi.net/' }, ROOT);
    assert.equal(ok.azure.logsEndpoint, 'https://api.loganalytics.us/v1');
    assert.equal(ok.azure.resourceManagerEndpoint, 'https://management.usgovcloudapi.net');
  });
});

describe('Azure mode parts: inventory names and data source status', () => {
  const INVENTORY_COLUMNS = ['ResourceId', 'ResourceName', 'ResourceType', 'Zone'].map((name) => ({ name, type: name === 'Zone' ? 'int' : 'string' }));
  let t = Date.parse('2025-03-04T05:00:00Z');
  const clock = { now: () => new Date(t) };
  /** A runner whose answer the test sets: names for the inventory, or an error. */
  const scripted = () => {
    const calls: string[] = [];
    let answer: string[] | Error = [];
    const runner: QueryRunner = {
      run: async (q): Promise<QueryResult> => {
        calls.push(q.id);
        if (answer instanceof Error) throw answer;
        return { columns: INVENTORY_COLUMNS, rows: answer.map((n) => [`/subscriptions/s/resourceGroups/rg/providers/p/${n}`, n, 'openai', 3]) };
      },
    };
    return { runner, calls, set: (a: string[] | Error) => (answer = a) };
  };
  before(() => setLogLevel('silent'));
  after(() => setLogLevel(process.env.LOG_LEVEL ?? 'info'));
  const outage = () => new DataUnavailableError('Defender data is unavailable (Resource Graph answered with a server error 503), try again in a few minutes.', 'unavailable');

  it('inventory names: loaded sorted and unique, the same array while unchanged, kept on failure', async () => {
    const s = scripted();
    const names = new InventoryNames({ runner: s.runner, catalog: loadCatalog(), zoneTag: 'governance-zone', clock });
    s.set(outage());
    await names.refresh();
    assert.deepEqual(names.current(), []);
    assert.match(names.state().error!, /server error 503/);
    s.set(['oai-b', 'oai-a', 'oai-b']);
    await names.refresh();
    const first = names.current();
    assert.deepEqual(first, ['oai-a', 'oai-b']);
    assert.deepEqual(names.state(), { count: 2, loadedAt: clock.now() });
    s.set(['oai-a', 'oai-b']);
    await names.refresh();
    assert.equal(names.current(), first, 'unchanged names keep their array, so the recognizer is not rebuilt');
    s.set(outage());
    await names.refresh();
    assert.equal(names.current(), first, 'a failed refresh keeps the last names');
    s.set(['oai-c']);
    await names.refresh();
    assert.deepEqual(names.current(), ['oai-c']);
    assert.equal(names.state().error, undefined);
  });

  it('inventory names: refreshed in the background, sooner after a failure', async () => {
    const s = scripted();
    s.set(outage());
    const names = new InventoryNames({ runner: s.runner, catalog: loadCatalog(), zoneTag: 'governance-zone', clock, refreshMs: 60_000, retryMs: 10 });
    await names.start();
    s.set(['oai-late']);
    await new Promise((r) => setTimeout(r, 60));
    names.stop();
    assert.deepEqual(names.current(), ['oai-late']);
    assert.equal(s.calls.length, 2, 'one retry after the failure, then the long refresh interval');
  });

  it('status: observed failures count for 60 s, then one probe per service decides again', async () => {
    const s = scripted();
    const observed = new ObservedRunner(s.runner, clock);
    const source = new AzureDataSource({ runner: observed, inventory: () => ({ count: 1, loadedAt: clock.now() }), clock });
    s.set(outage());
    await observed.run({ id: 'attack_paths', source: 'resourcegraph', text: 'securityresources' }).catch(() => undefined);
    s.set([]);
    const down = await source.status();
    assert.equal(down.ok, false);
    assert.match(down.detail!, /Log Analytics ok; Resource Graph failing: Defender data is unavailable \(Resource Graph answered with a server error 503\)/);
    assert.deepEqual(s.calls, ['attack_paths', 'health-logs'], 'only the service without a recent outcome was probed');
    t += 61_000;
    const up = await source.status();
    assert.equal(up.ok, true);
    assert.deepEqual(s.calls.slice(2).sort(), ['health-logs', 'health-resourcegraph']);
  });

  it('status: a rejected query (bad_query) is a bug in that query, not an outage', async () => {
    const s = scripted();
    const observed = new ObservedRunner(s.runner, clock);
    const source = new AzureDataSource({ runner: observed, inventory: () => ({ count: 0, loadedAt: clock.now() }), clock });
    s.set(new DataUnavailableError('rejected', 'bad_query'));
    await observed.run({ id: 'alerts', source: 'logs', text: 'x' }).catch(() => undefined);
    s.set([]);
    assert.equal((await source.status()).ok, true);
  });

  it('status: degraded while the inventory has never loaded', async () => {
    const s = scripted();
    const source = new AzureDataSource({ runner: new ObservedRunner(s.runner, clock), inventory: () => ({ count: 0, error: 'Defender data is unavailable (x)' }), clock });
    const status = await source.status();
    assert.equal(status.ok, false);
    assert.match(status.detail!, /inventory not loaded: Defender data is unavailable \(x\)/);
  });
});
