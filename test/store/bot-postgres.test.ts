import assert from 'node:assert/strict';
import type { RunningBot } from '../../src/bot';
import { setLogLevel } from '../../src/log';
import { install, message } from '../support/activities';
import { postActivity, startTestBot } from '../support/bot';
import { cardsOf, ConnectorStub } from '../support/connector-stub';
import { describeDatabase } from '../support/databases';
import { cardData, click, recommendation, SIM_TENANT, type Person } from '../triage/support';

/** The real bot on PostgreSQL (as in Azure) through its HTTP endpoint: install, help, an alert, triage. */
describeDatabase('postgres', 'bot on PostgreSQL (smoke)', (t) => {
  let bot: RunningBot;
  const connector = new ConnectorStub();

  before(async function () {
    this.timeout(30_000);
    setLogLevel('silent');
    await connector.start();
    bot = await startTestBot({ ...(await t.botEnv()), NOTIFY_POLL_SECONDS: '3600' });
    await bot.triage.stop(); // the write-back worker and reminders are not part of this test
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
  });

  it('reports the PostgreSQL store as healthy', async () => {
    const body = (await (await fetch(`${bot.url}/healthz`)).json()) as { status: string; store: object };
    assert.deepEqual([body.status, body.store], ['ok', { ok: true, kind: 'postgres' }]);
  });

  it('saves the conversation on install (once, however often it repeats) and posts the welcome card', async () => {
    assert.equal((await postActivity(bot, install(connector.url))).status, 200);
    assert.equal((await postActivity(bot, install(connector.url))).status, 200);
    assert.deepEqual((await bot.conversations.list()).map((c) => c.conversationId), ['personal-chat-priya']);
    assert.ok(connector.posted().flatMap(cardsOf).some((c) => JSON.stringify(c).includes('Try a question')));
  });

  it('answers "help" with the help card', async () => {
    const before = connector.posted().length;
    assert.equal((await postActivity(bot, message(connector.url, 'help'))).status, 200);
    assert.match(JSON.stringify(connector.posted().slice(before).flatMap(cardsOf)), /What I can do/);
  });

  it('posts a simulated alert through the outbox, recorded as sent with its activity id', async () => {
    const before = connector.posted().length;
    await bot.raiseSimulatedAlert!();
    const posted = connector.posted().slice(before);
    assert.equal(posted.length, 1);
    const card0 = cardsOf(posted[0]!)[0]!;
    assert.match(JSON.stringify(card0), /Defender for AI alert/);
    const key = (card0.refresh as { action: { data: { findingKey: string } } }).action.data.findingKey;
    const alert = (await bot.notifications.findings.list({ kind: 'alert' })).find((f) => f.key === key);
    const [card] = await bot.notifications.cards.cardsOf(alert!.tenantId, alert!.key);
    assert.match(card!.activityId ?? '', /^activity-\d+$/);
  });

  it('20 simultaneous claims of one finding: one owner, one register entry, an intact chain', async () => {
    const f = recommendation('oai-pg-race', 2, 'high');
    await bot.triage.findings.put(f, new Date());
    const who: Person[] = ['priya', 'marcus', 'elena', 'tom'];
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => click(bot, connector.url, who[i % who.length]!, 'claim', cardData(f))));
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [200]);
    assert.equal(answers.filter((a) => /You own this now/.test(a.text)).length, 1);
    assert.equal((await bot.triage.register.list({ findingKey: f.key })).length, 1);
    assert.equal((await bot.triage.findings.get(SIM_TENANT, f.key))!.version, 2);
    assert.equal((await bot.triage.register.verify()).ok, true);
  });

  it('a retried invoke (same activity id) changes nothing', async () => {
    const f = recommendation('oai-pg-retry', 1, 'low');
    await bot.triage.findings.put(f, new Date());
    const first = await click(bot, connector.url, 'priya', 'claim', cardData(f), 'pg-retried-activity');
    const again = await click(bot, connector.url, 'priya', 'claim', cardData(f), 'pg-retried-activity');
    assert.match(first.text, /You own this now/);
    assert.match(again.text, /You own this now/);
    assert.equal((await bot.triage.register.list({ findingKey: f.key })).length, 1);
  });
});
