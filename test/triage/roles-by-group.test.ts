import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningBot } from '../../src/bot';
import { activity, install } from '../support/activities';
import { startAzureBot } from '../support/azure-bot';
import { AzureServicesStub, alertRow } from '../support/azure-services-stub';
import { postActivity, startTestBot } from '../support/bot';
import { seedBotConnectorToken } from '../support/bot-token';
import { ConnectorStub } from '../support/connector-stub';
import { GraphStub } from '../support/graph-stub';
import { HttpsStub } from '../support/https-stub';
import { JwtIssuer } from '../support/jwt-issuer';
import { cardData } from './support';

const APP_ID = '3c1d2e4f-0000-4000-8000-00000000b0d3';
const SOC_GROUP = '5b2e8c1d-0000-4000-8000-00000000050c';
const ANA = { id: 'ana', name: 'Ana Lima', aadObjectId: '2c9d4e5f-0000-4000-8000-0000000000b1', upn: 'ana.lima@fabrikam.example' };
const BEN = { id: 'ben', name: 'Ben Ode', aadObjectId: '2c9d4e5f-0000-4000-8000-0000000000b2', upn: 'ben.ode@fabrikam.example' };

describe('Azure mode: a policy role named by an Entra group (Microsoft Graph stub)', function () {
  this.timeout(30_000);
  const azure = new AzureServicesStub();
  const graphHttps = new HttpsStub();
  const graph = new GraphStub(() => graphHttps.url);
  const connector = new ConnectorStub();
  const issuer = new JwtIssuer();
  let unseed: () => void;
  let bot: RunningBot;
  const signed = () => ({ authorization: `Bearer ${issuer.sign({ aud: APP_ID, serviceurl: connector.url })}` });
  const invoke = (from: typeof ANA, name: string, value: unknown) =>
    postActivity(bot, activity(connector.url, { type: 'invoke', name, from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId }, replyToId: 'card-1', value }, 'group-chat'), signed()).then(async (r) => JSON.stringify(await r.json()));

  before(async () => {
    await Promise.all([azure.start(), graphHttps.start(), connector.start(), issuer.start()]);
    graphHttps.respond((req) => graph.handle(req));
    graph.users = [
      { id: ANA.aadObjectId, displayName: ANA.name, userPrincipalName: ANA.upn },
      { id: BEN.aadObjectId, displayName: BEN.name, userPrincipalName: BEN.upn },
    ];
    // Ana is the third member: on the second page, after a nested group and another user.
    graph.groups.set(SOC_GROUP, [
      { '@odata.type': '#microsoft.graph.group', id: '7d1e0000-0000-4000-8000-0000000000c1' },
      { '@odata.type': '#microsoft.graph.user', id: '7d1e0000-0000-4000-8000-0000000000c3' },
      { '@odata.type': '#microsoft.graph.user', id: ANA.aadObjectId },
    ]);
    unseed = seedBotConnectorToken(APP_ID);
    const dir = mkdtempSync(join(tmpdir(), 'roles-by-group-'));
    // The SOC analyst role names only a group; Ana is listed nowhere in the file.
    writeFileSync(join(dir, 'policy.json'), JSON.stringify({ roles: { soc_analyst: { groups: [SOC_GROUP] } } }));
    bot = await startAzureBot(azure, issuer, APP_ID, { POLICY_FILE: join(dir, 'policy.json'), MICROSOFT_GRAPH_ENDPOINT: graphHttps.url });
    await bot.triage.stop();
    await postActivity(bot, install(connector.url, 'group-chat'), signed());
    azure.alerts.push(alertRow('2517-group-role', 'Jailbreak attempt for the SOC group', new Date()));
    await bot.notifications.pollOnce();
  });
  after(async () => {
    await bot?.stop();
    unseed?.();
    await Promise.all([azure.stop(), graphHttps.stop(), connector.stop(), issuer.stop()]);
  });

  const alert = async () => (await bot.notifications.findings.list({ kind: 'alert' })).find((f) => f.title.includes('for the SOC group'))!;
  const resolve = async (who: typeof ANA) => invoke(who, 'adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'resolve', data: { ...cardData(await alert()), reason: 'true_positive' } } });

  it('a user outside the group is refused the role', async () => {
    const answer = await resolve(BEN);
    assert.match(answer, /Only a SOC analyst[^"]* can /);
    assert.deepEqual(await bot.triage.register.list({ findingKey: (await alert()).key }), []);
  });

  it('a user who is only a member of the group (listed nowhere else) acts in that role', async () => {
    const answer = await resolve(ANA);
    assert.match(answer, /Resolved as true positive/);
    const [entry] = await bot.triage.register.list({ findingKey: (await alert()).key });
    assert.deepEqual([entry!.verb, entry!.role, entry!.actorId, entry!.actorName], ['resolve', 'soc_analyst', ANA.aadObjectId, 'Ana Lima']);
    const groupReads = graphHttps.requests.filter((r) => r.path.startsWith(`/v1.0/groups/${SOC_GROUP}/transitiveMembers`));
    assert.equal(groupReads.length, 2, 'both pages were read once (then cached)');
  });

  it('the reassign picker searches the directory (application/search invoke)', async () => {
    const answer = await invoke(ANA, 'application/search', { queryText: 'ben', queryOptions: { skip: 0, top: 15 }, dataset: 'people' });
    assert.match(answer, /"type":"application\/vnd\.microsoft\.search\.searchResponse"/);
    assert.match(answer, /"results":\[\{"title":"Ben Ode \(ben\.ode@fabrikam\.example\)","value":"2c9d4e5f-0000-4000-8000-0000000000b2"\}\]/);
    const search = graphHttps.requests.find((r) => r.path.startsWith('/v1.0/users?'));
    assert.equal(search?.headers.consistencylevel, 'eventual');
  });
});

describe('embedded mode: the reassign picker searches the simulated directory', function () {
  this.timeout(30_000);
  const connector = new ConnectorStub();
  let bot: RunningBot;
  before(async () => {
    await connector.start();
    bot = await startTestBot();
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
  });

  it('answers with the policy file\'s people whose name starts with the text', async () => {
    const res = await postActivity(bot, activity(connector.url, { type: 'invoke', name: 'application/search', value: { queryText: 'ok', queryOptions: { skip: 0, top: 15 }, dataset: 'people' } }));
    const body = (await res.json()) as { value: { results: { title: string; value: string }[] } };
    assert.deepEqual(body.value.results, [{ title: 'David Okafor (david.okafor@contoso.com)', value: '1a0b0c0d-0000-4000-8000-000000000004' }]);
  });
});
