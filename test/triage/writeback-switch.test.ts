import assert from 'node:assert/strict';
import type { RunningBot } from '../../src/bot';
import type { EmbeddedDataSource } from '../../src/data/embedded';
import { activity, install } from '../support/activities';
import { startAzureBot } from '../support/azure-bot';
import { AzureServicesStub, FABRIKAM, alertRow } from '../support/azure-services-stub';
import { postActivity } from '../support/bot';
import { seedBotConnectorToken } from '../support/bot-token';
import { ConnectorStub } from '../support/connector-stub';
import { JwtIssuer } from '../support/jwt-issuer';
import { cardData, click, NOW, PEOPLE, recommendation, SIM_TENANT, startTriageBot } from './support';

const APP_ID = '3c1d2e4f-0000-4000-8000-00000000b0d2';
/** The only requests the bot may send to Azure with WRITEBACK=off: reads (Resource Graph, Log Analytics). */
const isRead = (r: { method: string; path: string }) => (r.method === 'POST' && r.path.startsWith('/providers/Microsoft.ResourceGraph/resources')) || r.path.startsWith('/v1/workspaces/');

/** The real bot in Azure mode against the Log Analytics / Resource Graph / ARM stub, started for one describe block. */
function useAzureBot(vars: Record<string, string>) {
  const azure = new AzureServicesStub();
  const connector = new ConnectorStub();
  const issuer = new JwtIssuer();
  let unseed: () => void;
  const ctx = {
    azure,
    bot: undefined as unknown as RunningBot,
    signed: () => ({ authorization: `Bearer ${issuer.sign({ aud: APP_ID, serviceurl: connector.url })}` }),
    /** Ingests a new alert row and returns its finding. */
    async alert(name: string, title: string) {
      azure.alerts.push(alertRow(name, title, new Date()));
      await ctx.bot.notifications.pollOnce();
      return (await ctx.bot.notifications.findings.list({ kind: 'alert' })).find((f) => f.title === title)!;
    },
    /** Marcus (a SOC analyst) clicks Resolve on the alert's card; returns the invoke answer as text. */
    async resolve(finding: { key: string; version: number }) {
      const body = activity(connector.url, { type: 'invoke', name: 'adaptiveCard/action', from: PEOPLE.marcus, replyToId: 'card-1', value: { action: { type: 'Action.Execute', verb: 'resolve', data: { ...cardData(finding), reason: 'true_positive' } } } }, 'azure-chat');
      return JSON.stringify(await (await postActivity(ctx.bot, body, ctx.signed())).json());
    },
  };
  before(async () => {
    await Promise.all([azure.start(), connector.start(), issuer.start()]);
    unseed = seedBotConnectorToken(APP_ID);
    ctx.bot = await startAzureBot(azure, issuer, APP_ID, vars);
    await ctx.bot.triage.stop(); // the tests drain the worker themselves
    await postActivity(ctx.bot, install(connector.url, 'azure-chat'), ctx.signed());
  });
  after(async () => {
    await ctx.bot?.stop();
    unseed?.();
    await Promise.all([azure.stop(), connector.stop(), issuer.stop()]);
  });
  return ctx;
}

describe('WRITEBACK=off in Azure mode: decisions stay in Teams, nothing is sent to ARM', function () {
  this.timeout(30_000);
  // No WRITEBACK: Azure mode's default is off.
  const t = useAzureBot({});
  const azure = t.azure;

  it('resolving an alert answers "recorded in Teams only", records the decision, and sends no request to ARM', async () => {
    const bot = t.bot;
    const finding = await t.alert('2517-off-alert', 'Jailbreak attempt while write-back is off');
    assert.ok(finding, 'the alert was ingested');
    const mark = azure.requests.length;
    const answer = await t.resolve(finding);
    assert.match(answer, /Resolved as true positive\. Recorded in Teams only: write-back to Defender is off\./);
    assert.match(answer, /recorded in Teams only \(write-back to Defender is off\)/);
    await bot.triage.worker.drain();

    assert.deepEqual((await bot.triage.register.list({ findingKey: finding.key })).map((e) => e.verb), ['resolve']);
    const jobs = await bot.triage.queue.list(finding.tenantId, finding.key);
    assert.deepEqual(jobs.map((j) => [j.status, j.write.type]), [['teams_only', 'not_sent']]);
    const writes = azure.requests.slice(mark).filter((r) => !isRead(r));
    assert.deepEqual(writes.map((r) => `${r.method} ${r.path}`), [], 'nothing but reads went to Azure');
  });

  it('a job queued before write-back was turned off is settled as Teams-only and never sent', async () => {
    const bot = t.bot;
    const finding = (await bot.notifications.findings.list({ kind: 'alert' })).find((f) => f.title.includes('while write-back is off'))!;
    const mark = azure.requests.length;
    const alertId = `/subscriptions/${FABRIKAM.subscriptionId}/resourceGroups/rg-ai/providers/Microsoft.Security/locations/eastus2/alerts/queued-earlier`;
    const entry = (await bot.triage.register.list({ findingKey: finding.key }))[0]!;
    await bot.triage.queue.enqueue(bot.triage.db, { tenantId: finding.tenantId, findingKey: finding.key, registerSeq: entry.seq, write: { type: 'alert_state', alertId, state: 'Dismiss' } }, new Date());
    assert.equal(await bot.triage.worker.drain(), 1);
    const job = (await bot.triage.queue.list(finding.tenantId, finding.key)).find((j) => j.write.type === 'alert_state')!;
    assert.equal(job.status, 'teams_only');
    assert.match(job.lastError!, /turned off \(WRITEBACK=off\) before this was sent/);
    assert.deepEqual(azure.requests.slice(mark).filter((r) => !isRead(r)), []);
  });
});

describe('WRITEBACK=on in Azure mode: a write Azure refuses for good', function () {
  this.timeout(30_000);
  const t = useAzureBot({ WRITEBACK: 'on' });

  it('is not retried, the card says "sync failed", and the register records that Defender does not have it', async () => {
    const finding = await t.alert('2517-refused-alert', 'Jailbreak attempt the identity may not resolve');
    assert.match(await t.resolve(finding), /Resolved as true positive[^"]*syncing to Defender/);
    // The identity lacks the write role: ARM answers 403 (the reads are done).
    t.azure.fault = { status: 403, body: { error: { code: 'AuthorizationFailed', message: "The client does not have authorization to perform action 'Microsoft.Security/locations/alerts/resolve/action'." } } };
    try {
      assert.equal(await t.bot.triage.worker.drain(), 1);
      assert.equal(await t.bot.triage.worker.drain(), 0, 'no retry');
    } finally {
      t.azure.fault = undefined;
    }
    const [job] = await t.bot.triage.queue.list(finding.tenantId, finding.key);
    assert.deepEqual([job!.status, job!.attempts], ['failed', 1]);
    assert.equal((await t.bot.triage.service.syncStatus(finding.tenantId, finding.key)).status, 'failed');
    const entries = await t.bot.triage.register.list({ findingKey: finding.key });
    assert.deepEqual(entries.map((e) => [e.verb, e.actorId]), [['resolve', PEOPLE.marcus.aadObjectId], ['write_back_failed', 'system']]);
    assert.match(entries[1]!.justification!, /The alert state of register entry \d+ was not written to Defender: Alert resolve failed with HTTP 403/);
    assert.ok((await t.bot.triage.register.verify()).ok);
  });
});

describe('a decision that cannot be written back (embedded mode)', function () {
  this.timeout(60_000);
  const connector = new ConnectorStub();
  let bot: RunningBot;

  before(async () => {
    await connector.start();
    bot = await startTriageBot({ now: () => NOW });
    await bot.triage.stop();
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
  });

  it('says so on the card at once and why, records it in the register, and sends nothing', async () => {
    const unassigned = recommendation('oai-unassigned-policy', 1, 'medium');
    unassigned.details.policyDefinitionId = '/providers/Microsoft.Authorization/policyDefinitions/00000000-dead-4000-8000-000000000000';
    await bot.triage.findings.put(unassigned, NOW);
    const tables = (bot.dataSource as EmbeddedDataSource).tenant.tables;
    const exemptionsBefore = tables.policyresources!.length;

    const answer = await click(bot, connector.url, 'priya', 'accept_risk', { ...cardData(unassigned), justification: 'Pilot with synthetic data only, no customer data.', expiresOn: '2025-07-01' });
    assert.match(answer.text, /Risk accepted[^"]*Not written to Defender: no Azure Policy assignment on subscription [0-9a-f-]+ or its management groups evaluates this recommendation's policy/);
    assert.match(answer.text, /not written to Defender: no Azure Policy assignment/, 'the card view says it too');

    const entries = await bot.triage.register.list({ findingKey: unassigned.key });
    assert.deepEqual(entries.map((e) => [e.verb, e.actorId]), [['accept_risk', PEOPLE.priya.aadObjectId], ['not_written_back', 'system']]);
    assert.match(entries[1]!.justification!, /The accept risk decision \(register entry \d+\) was not written to Defender: no Azure Policy assignment/);
    assert.ok((await bot.triage.register.verify()).ok);

    assert.deepEqual((await bot.triage.queue.list(SIM_TENANT, unassigned.key)).map((j) => j.status), ['refused']);
    assert.equal(await bot.triage.worker.drain(), 0, 'nothing to send, nothing to retry');
    assert.equal(tables.policyresources!.length, exemptionsBefore);
  });

  it('an AWS recommendation of the simulated tenant is exempted under the benchmark standard on its connector', async () => {
    await bot.notifications.pollOnce();
    const aws = (await bot.triage.findings.list({ kind: 'recommendation' })).find((f) => f.details.cloud === 'Aws' && f.status === 'active' && f.resource.zone === 1);
    assert.ok(aws, 'an active Zone 1 AWS recommendation');
    // Priya owns the resource (its owner tag), claims it and accepts the risk (Zone 1: the accountable owner decides).
    await bot.triage.findings.put({ ...aws, resource: { ...aws.resource, owner: 'priya.shah@contoso.com' } }, NOW);
    await click(bot, connector.url, 'priya', 'claim', cardData(aws));
    const claimed = (await bot.triage.findings.get(aws.tenantId, aws.key))!;
    const answer = await click(bot, connector.url, 'priya', 'accept_risk', { ...cardData(claimed), justification: 'Campaign copy only, no customer data reaches Bedrock.', expiresOn: '2025-07-01' });
    assert.match(answer.text, /Risk accepted/);
    assert.doesNotMatch(answer.text, /Not written to Defender/);
    await bot.triage.worker.drain();
    const job = (await bot.triage.queue.list(SIM_TENANT, aws.key)).find((j) => j.write.type !== 'governance_assignment')!;
    assert.equal(job.status, 'done');
    assert.ok(job.write.type === 'standard_exemption', job.write.type);
    assert.match(job.write.scope, /\/securityConnectors\/aws-contoso-ai\/securityEntityData\//);
    assert.equal(job.write.standardId, '/providers/Microsoft.Security/securityStandards/1f3afdf9-d0c9-4c3d-847f-89da613e70a8');
  });
});
