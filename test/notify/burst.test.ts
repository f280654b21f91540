import assert from 'node:assert/strict';
import type { RunningBot } from '../../src/bot';
import type { EmbeddedDataSource } from '../../src/data/embedded';
import { maxInAnyWindow } from '../../src/notify/rate-limit';
import { startTestBot } from '../support/bot';
import { ConnectorStub } from '../support/connector-stub';
import { currentCards, findingsOnCard, installIn } from './helpers';

const CONVERSATIONS = [
  ['personal-chat-priya', 'personal'],
  ['group-chat-ai-risk', 'groupChat'],
  ['team-id', 'channel'],
] as const;

describe('a 1,000-alert burst', function () {
  this.timeout(60_000);
  let bot: RunningBot;
  const stub = new ConnectorStub();
  before(async () => {
    await stub.start();
    bot = await startTestBot({ NOTIFY_POLL_SECONDS: '3600' });
    for (const [id, type] of CONVERSATIONS) await installIn(bot, stub, id, type);
  });
  after(async () => {
    await bot.stop();
    await stub.stop();
  });

  it('represents every alert in every subscribed conversation with far fewer messages, within Teams rate limits', async () => {
    const start = stub.requests.length;
    const source = bot.dataSource as EmbeddedDataSource;
    for (let i = 0; i < 1000; i++) source.raiseAlert(new Date());
    await bot.notifications.pollOnce();
    const calls = stub.requests.slice(start);
    for (const [id] of CONVERSATIONS) {
      const cards = [...currentCards(stub, id).values()];
      const represented = cards.reduce((n, c) => n + findingsOnCard(c), 0);
      assert.equal(represented, 1000, `${id}: every alert is on a card`);
      const messages = calls.filter((r) => r.path.startsWith(`/v3/conversations/${id}/`));
      assert.ok(messages.length < 60, `${id}: ${messages.length} messages for 1,000 alerts`);
      const at = messages.map((r) => r.at);
      assert.ok(maxInAnyWindow(at, 1000) <= 7, `${id}: at most 7 messages in any second`);
      assert.ok(maxInAnyWindow(at, 30_000) <= 60, `${id}: at most 60 messages in any 30 seconds`);
    }
    assert.ok(maxInAnyWindow(calls.map((r) => r.at), 1000) <= 50, 'at most 50 requests per second for the tenant');
    assert.deepEqual(await bot.notifications.outbox.list({ status: 'pending' }), []);
  });
});
