import assert from 'node:assert/strict';
import type { RunningBot } from '../../src/bot';
import type { EmbeddedDataSource } from '../../src/data/embedded';
import { activity, TENANT_ID, uninstall } from '../support/activities';
import { postActivity, startTestBot } from '../support/bot';
import { cardsOf, ConnectorStub } from '../support/connector-stub';
import { ADMIN, cardCalls, conversationOf, currentCards, findingKeyOf, installIn, repeatAlert, say, setAlertStatus } from './helpers';

const sim = (bot: RunningBot) => bot.dataSource as EmbeddedDataSource;
const PRIYA_CHAT = 'personal-chat-priya';

describe('notifications through the real adapter and a connector stub', function () {
  this.timeout(20_000);
  let bot: RunningBot;
  const stub = new ConnectorStub();

  before(async () => {
    await stub.start();
    bot = await startTestBot({ NOTIFY_POLL_SECONDS: '3600' });
    await installIn(bot, stub, PRIYA_CHAT, 'personal');
  });
  after(async () => {
    await bot.stop();
    await stub.stop();
  });

  it('posts a new alert into the personal chat (default subscription) with triage verbs and refresh', async () => {
    const before = cardCalls(stub).length;
    await bot.raiseSimulatedAlert!();
    const calls = cardCalls(stub).slice(before);
    assert.equal(calls.length, 1);
    assert.equal(conversationOf(calls[0]!), PRIYA_CHAT);
    const card = cardsOf(calls[0]!.body)[0]!;
    const text = JSON.stringify(card);
    assert.match(text, /Defender for AI alert · Active/);
    assert.match(text, /Open in Defender portal/);
    assert.deepEqual(card.refresh && (card.refresh as { userIds: unknown }).userIds, []);
    const actions = card.actions as { type: string; verb?: string; data?: object }[];
    const claim = actions.find((a) => a.verb === 'claim')!;
    assert.deepEqual(Object.keys(claim.data!).sort(), ['findingKey', 'version']);
  });

  it('puts a repeat of the same alert type on the same resource on the same card (count 2, updated in place)', async () => {
    const source = sim(bot);
    const alert = source.raiseAlert(new Date());
    await bot.notifications.pollOnce();
    const posted = cardCalls(stub).at(-1)!;
    const activityId = posted.status === 200 && posted.method === 'POST' ? 'activity' : '';
    assert.ok(activityId);
    repeatAlert(source, alert.id, `${alert.id}-again`, 5 * 60_000);
    const before = stub.requests.length;
    await bot.notifications.pollOnce();
    const puts = stub.requests.slice(before).filter((r) => r.method === 'PUT');
    assert.equal(puts.length, 1, 'one update, no new post');
    assert.equal(stub.requests.slice(before).filter((r) => r.method === 'POST').length, 0);
    assert.match(JSON.stringify(cardsOf(puts[0]!.body)[0]), /"title":"Occurrences","value":"2"/);
  });

  it('updates the original card when the alert is resolved (PUT to its activity id)', async () => {
    const source = sim(bot);
    const alert = source.raiseAlert(new Date());
    const before = stub.requests.length;
    await bot.notifications.pollOnce();
    const post = stub.requests.slice(before).find((r) => r.method === 'POST')!;
    const posted = (await bot.notifications.cards.cardsOf(String((await bot.notifications.findings.list({ kind: 'alert' })).find((f) => f.key.endsWith(alert.id.toLowerCase()))!.tenantId), `alert:${alert.id.toLowerCase()}`))[0]!;
    assert.ok(post && posted.activityId);
    setAlertStatus(source, alert.id, 'Resolved');
    const mark = stub.requests.length;
    await bot.notifications.pollOnce();
    const put = stub.requests.slice(mark).find((r) => r.method === 'PUT')!;
    assert.equal(put.path, `/v3/conversations/${PRIYA_CHAT}/activities/${posted.activityId}`);
    assert.match(JSON.stringify(cardsOf(put.body)[0]), /Defender for AI alert · Resolved/);
    // Nothing left to claim; the SOC can still record its own resolution (with a reason) in the register.
    assert.match(JSON.stringify(cardsOf(put.body)[0]), /"verb":"resolve"/);
    assert.doesNotMatch(JSON.stringify(cardsOf(put.body)[0]), /"verb":"claim"/);
  });

  it('answers the refresh verb with the current state of the card', async () => {
    const card = (await bot.notifications.cards.cardsOf((await bot.notifications.findings.list({ kind: 'alert', status: 'resolved' }))[0]!.tenantId, (await bot.notifications.findings.list({ kind: 'alert', status: 'resolved' })).at(-1)!.key))[0]!;
    const invoke = (verb: string) =>
      postActivity(bot, activity(stub.url, { type: 'invoke', name: 'adaptiveCard/action', replyToId: card.activityId, value: { action: { type: 'Action.Execute', verb, data: { findingKey: 'alert:x', version: 1 } } } }, PRIYA_CHAT));
    const refreshed = (await (await invoke('refresh')).json()) as { value: { body?: unknown } };
    assert.match(JSON.stringify(refreshed.value), /Resolved/);
  });

  it('lets only admins change a channel subscription; bad commands name the problem and change nothing', async () => {
    await installIn(bot, stub, 'team-id', 'channel', ADMIN);
    const subs = () => bot.notifications.subscriptions.list({ conversationId: 'team-id' });
    const initial = (await subs()).length;
    assert.match((await say(bot, stub, 'subscribe zone 3 high alerts', { conversationId: 'team-id', type: 'channel' }))[0]!, /Only a bot admin/);
    assert.equal((await subs()).length, initial);
    assert.match((await say(bot, stub, 'subscribe zone 7', { conversationId: 'team-id', type: 'channel', from: ADMIN }))[0]!, /There is no zone 7/);
    assert.equal((await subs()).length, initial);
    assert.match((await say(bot, stub, 'unsubscribe all', { conversationId: 'team-id;messageid=9', type: 'channel', from: ADMIN }))[0]!, /Unsubscribed/);
    assert.match((await say(bot, stub, 'subscribe recommendations zone 2', { conversationId: 'team-id', type: 'channel', from: ADMIN }))[0]!, /Subscribed: recommendations · zone 2 · any severity/);
    assert.match((await say(bot, stub, 'subscribe recommendations zone 2', { conversationId: 'team-id', type: 'channel', from: ADMIN }))[0]!, /Already subscribed/);
    assert.match((await say(bot, stub, 'unsubscribe zone 3 alerts', { conversationId: 'team-id', type: 'channel', from: ADMIN }))[0]!, /No subscription matches that\. Current subscriptions: recommendations · zone 2/);
    assert.match((await say(bot, stub, 'subscriptions', { conversationId: 'team-id', type: 'channel' }))[0]!, /1\. recommendations · zone 2 · any severity/);
    assert.equal((await subs()).length, 1);
  });

  it('shows delivery status to admins only', async () => {
    assert.match((await say(bot, stub, 'delivery status'))[0]!, /Only a bot admin/);
    assert.match((await say(bot, stub, 'delivery status', { from: ADMIN }))[0]!, /personal-chat-priya\*\*: 0 pending, 0 failed, 0 unconfirmed, \d+ sent/);
  });

  it('honours 429 Retry-After and retries 412/502/504 until the card is delivered once', async () => {
    const posts = (r: { method: string; path: string }) => r.method === 'POST' && r.path === `/v3/conversations/${PRIYA_CHAT}/activities`;
    stub.answer({ status: 429, headers: { 'retry-after': '1' } }, { match: posts });
    stub.answer({ status: 412 }, { match: posts });
    stub.answer({ status: 502 }, { match: posts });
    stub.answer({ status: 504 }, { match: posts });
    const before = stub.requests.length;
    sim(bot).raiseAlert(new Date());
    await bot.notifications.pollOnce();
    const deadline = Date.now() + 15_000;
    while (!stub.requests.slice(before).some((r) => posts(r) && r.status === 200) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const tries = stub.requests.slice(before).filter(posts);
    assert.deepEqual(tries.map((r) => r.status), [429, 412, 502, 504, 200]);
    assert.ok(tries[1]!.at - tries[0]!.at >= 1000, 'waited for Retry-After');
  });

  it('marks a conversation the bot can no longer reach (403) and skips it instead of retrying', async () => {
    await installIn(bot, stub, 'group-chat-gone', 'groupChat');
    stub.answer({ status: 403 }, { match: (r) => r.path.startsWith('/v3/conversations/group-chat-gone/'), times: 100 });
    sim(bot).raiseAlert(new Date());
    await bot.notifications.pollOnce();
    sim(bot).raiseAlert(new Date());
    await bot.notifications.pollOnce();
    const tries = stub.requests.filter((r) => r.path.startsWith('/v3/conversations/group-chat-gone/activities') && r.status === 403);
    assert.equal(tries.length, 1, 'one attempt, then the conversation is skipped');
    const gone = (await bot.notifications.notifyConversations.list()).find((c) => c.conversationId === 'group-chat-gone')!;
    assert.match(gone.unreachable!.reason, /403/);
    assert.match((await say(bot, stub, 'delivery status', { from: ADMIN })).join(), /group-chat-gone\*\*: 1 pending, 1 failed.*unreachable since/);
    stub.clearAnswers();
  });

  it('drops pending notifications of an uninstalled conversation', async () => {
    await installIn(bot, stub, 'group-chat-leaving', 'groupChat');
    stub.answer({ status: 429, headers: { 'retry-after': '60' } }, { match: (r) => r.path.startsWith('/v3/conversations/group-chat-leaving/') });
    sim(bot).raiseAlert(new Date());
    await bot.notifications.pollOnce();
    assert.equal((await bot.notifications.outbox.counts()).find((c) => c.conversationId === 'group-chat-leaving')!.pending, 1);
    const a = uninstall(stub.url, 'group-chat-leaving');
    a.conversation = { id: 'group-chat-leaving', conversationType: 'groupChat', tenantId: TENANT_ID };
    await postActivity(bot, a);
    const items = await bot.notifications.outbox.list({ status: 'dropped' });
    assert.ok(items.some((i) => i.conversationId === 'group-chat-leaving' && /removed/.test(i.lastError ?? '')));
    assert.equal(await bot.notifications.subscriptions.list({ conversationId: 'group-chat-leaving' }).then((s) => s.length), 0);
    stub.clearAnswers();
  });

  it('marks an item failed after the retry budget', async () => {
    const other = await startTestBot({ NOTIFY_POLL_SECONDS: '3600', NOTIFY_MAX_ATTEMPTS: '2' });
    try {
      await installIn(other, stub, 'personal-chat-budget', 'personal');
      stub.answer({ status: 502 }, { match: (r) => r.path.startsWith('/v3/conversations/personal-chat-budget/'), times: 10 });
      sim(other).raiseAlert(new Date());
      await other.notifications.pollOnce();
      const deadline = Date.now() + 10_000;
      while ((await other.notifications.outbox.list({ status: 'failed' })).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const failed = await other.notifications.outbox.list({ status: 'failed' });
      assert.equal(failed.length, 1);
      assert.equal(failed[0]!.attempts, 2);
      assert.match(failed[0]!.lastError!, /^502/);
    } finally {
      stub.clearAnswers();
      await other.stop();
    }
  });

  it('sends findings to their owner\u2019s personal chat, matched by UPN from the roster', async () => {
    const other = await startTestBot({ NOTIFY_POLL_SECONDS: '3600', NOTIFY_DEFAULT_SUBSCRIPTION: '' });
    try {
      stub.members['user-id-0'] = { id: 'user-id-0', name: 'Priya Shah', userPrincipalName: 'priya.shah@contoso.com', aadObjectId: '1a0b0c0d-0000-4000-8000-000000000001' };
      await installIn(other, stub, 'personal-chat-priya-2', 'personal');
      const source = sim(other);
      const before = cardCalls(stub, 'personal-chat-priya-2').length;
      const raised = Array.from({ length: 16 }, () => source.raiseAlert(new Date()));
      await other.notifications.pollOnce();
      const ownerOf = (alertId: string) => {
        const row = source.tenant.tables.SecurityAlert!.find((r) => r.SystemAlertId === alertId)!;
        return source.resource(String(row.ResourceId))?.owner;
      };
      const own = raised.filter((a) => ownerOf(a.id) === 'priya.shah@contoso.com').map((a) => `alert:${a.id.toLowerCase()}`);
      const got = cardCalls(stub, 'personal-chat-priya-2').slice(before).map((r) => findingKeyOf(cardsOf(r.body)[0]!));
      assert.ok(own.length > 0 && own.length < raised.length, 'the sample has alerts of Priya and of others');
      assert.deepEqual(got.sort(), own.sort());
    } finally {
      await other.stop();
    }
  });

  it('keeps one card per group while several updates queue (render at send time)', async () => {
    const cards = currentCards(stub, PRIYA_CHAT);
    assert.ok(cards.size > 0);
  });
});
