import assert from 'node:assert/strict';
import type { RunningBot } from '../../src/bot';
import { install, message, uninstall } from '../support/activities';
import { postActivity, startTestBot } from '../support/bot';
import { cardsOf, ConnectorStub } from '../support/connector-stub';
import { JwtIssuer, otherPrivateKey } from '../support/jwt-issuer';

describe('bot server (anonymous, embedded mode)', () => {
  let bot: RunningBot;
  const connector = new ConnectorStub();

  before(async () => {
    await connector.start();
    bot = await startTestBot();
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
  });

  it('binds to loopback only when no bot app id is configured', () => {
    assert.match(bot.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('reports mode, store and data source on GET /healthz', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { status: string; mode: string; store: object; dataSource: { ok: boolean; kind: string; detail: string } };
    assert.equal(body.status, 'ok');
    assert.equal(body.mode, 'embedded');
    assert.deepEqual(body.store, { ok: true, kind: 'sqlite' });
    assert.equal(body.dataSource.ok, true);
    assert.equal(body.dataSource.kind, 'simulated-tenant');
    assert.match(body.dataSource.detail, /Contoso Bank \(seed 42\): \d+ AI resources, \d+ alerts/);
  });

  it('saves the conversation on install and posts the welcome card', async () => {
    const res = await postActivity(bot, install(connector.url));
    assert.equal(res.status, 200);
    const saved = await bot.conversations.list();
    assert.deepEqual(saved.map((c) => [c.conversationId, c.conversationType]), [['personal-chat-priya', 'personal']]);
    const welcome = connector.posted().flatMap(cardsOf).find((c) => JSON.stringify(c).includes('Try a question'));
    assert.ok(welcome, 'welcome card posted');
    const actions = (welcome.actions as { verb: string; title: string }[]).map((a) => [a.verb, a.title]);
    assert.deepEqual(actions[0], ['ask', 'show Zone 3 attack paths']);
  });

  it('saves a repeated install only once (the Playground re-sends it on every page load)', async () => {
    await postActivity(bot, install(connector.url));
    assert.equal((await bot.conversations.list()).length, 1);
  });

  it('answers "help" with the help card', async () => {
    const before = connector.posted().length;
    assert.equal((await postActivity(bot, message(connector.url, 'help'))).status, 200);
    const replies = connector.posted().slice(before).flatMap(cardsOf);
    assert.equal(replies.length, 1);
    assert.match(JSON.stringify(replies[0]), /What I can do/);
  });

  it('posts a simulated alert card into every installed conversation', async () => {
    await postActivity(bot, install(connector.url, 'group-chat-ai-risk'));
    const before = connector.posted().length;
    await bot.raiseSimulatedAlert!();
    const posts = connector.requests.slice(-2);
    assert.equal(connector.posted().length, before + 2);
    assert.deepEqual(posts.map((p) => decodeURIComponent(p.path.split('/')[3]!)).sort(), ['group-chat-ai-risk', 'personal-chat-priya']);
    const card = JSON.stringify(cardsOf(posts[0]!.body)[0]);
    assert.match(card, /Defender for AI alert/);
    assert.match(card, /Open in Defender portal/);
  });

  it('forgets the conversation on uninstall', async () => {
    await postActivity(bot, uninstall(connector.url, 'group-chat-ai-risk'));
    assert.deepEqual((await bot.conversations.list()).map((c) => c.conversationId), ['personal-chat-priya']);
  });

  it('rejects a body that is not an activity with 400 and changes nothing', async () => {
    const res = await postActivity(bot, { hello: 'world' });
    assert.equal(res.status, 400);
    assert.equal((await bot.conversations.list()).length, 1);
  });
});

describe('bot server with a bot app id (JWT validation on)', () => {
  const APP_ID = '0d7c3e2a-1b4f-4c6d-8e9f-0a1b2c3d4e5f';
  let bot: RunningBot;
  const connector = new ConnectorStub();
  const issuer = new JwtIssuer();
  before(async () => {
    await connector.start();
    await issuer.start();
    bot = await startTestBot({ BOT_ID: APP_ID, BOT_PASSWORD: 'not-a-real-secret', BIND_HOST: '127.0.0.1', BOT_OPENID_METADATA_URL: issuer.metadataUrl });
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
    await issuer.stop();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('rejects an activity without an Authorization header with 401 and saves nothing', async () => {
    const res = await postActivity(bot, install(connector.url));
    assert.equal(res.status, 401);
    assert.equal((await bot.conversations.list()).length, 0);
    assert.equal(connector.requests.length, 0);
  });

  const rejected: [string, () => string][] = [
    ['a token signed with an unpublished key', () => issuer.sign({ aud: APP_ID, serviceurl: connector.url }, otherPrivateKey())],
    ['a token for another bot', () => issuer.sign({ aud: 'another-app-id', serviceurl: connector.url })],
    ['an expired token', () => issuer.sign({ aud: APP_ID, serviceurl: connector.url, nbf: 1_000, exp: 2_000 })],
    ['an unsigned token', () => issuer.sign({ aud: APP_ID }).split('.').slice(0, 2).join('.') + '.'],
  ];
  for (const [name, token] of rejected) {
    it(`rejects ${name} with 401 and saves nothing`, async () => {
      const res = await postActivity(bot, install(connector.url), bearer(token()));
      assert.equal(res.status, 401);
      assert.equal((await bot.conversations.list()).length, 0);
    });
  }

  it('accepts a valid channel token and handles the activity', async () => {
    const res = await postActivity(bot, install(connector.url), bearer(issuer.sign({ aud: APP_ID, serviceurl: connector.url })));
    assert.equal(res.status, 200);
    assert.equal((await bot.conversations.list()).length, 1);
  });
});
