import assert from 'node:assert/strict';
import type { RunningBot } from '../../src/bot';
import { VIEWS } from '../../src/answers/views';
import { SIMULATED_WORKSPACE_RESOURCE_ID } from '../../src/data/embedded';
import { logAnalyticsQueryUrl, resourceGraphQueryUrl } from '../../src/data/portal-links';
import { install, message } from '../support/activities';
import { postActivity } from '../support/bot';
import { cardsOf, ConnectorStub } from '../support/connector-stub';
import { actions, click, runDirectly, startAnswerBot, texts } from './support';

describe('answers over the real endpoint (question → intent + slots → catalog query → card)', function () {
  this.timeout(30_000);
  const connector = new ConnectorStub();
  let bot: RunningBot;

  before(async () => {
    await connector.start();
    bot = await startAnswerBot();
    await postActivity(bot, install(connector.url));
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
  });

  /** Posts a message and returns the one activity the bot replied with. */
  async function ask(text: string): Promise<Record<string, unknown>> {
    const before = connector.posted().length;
    const res = await postActivity(bot, message(connector.url, text));
    assert.equal(res.status, 200);
    const replies = connector.posted().slice(before);
    assert.equal(replies.length, 1, `one reply to "${text}"`);
    return replies[0]!;
  }
  const cardOf = (reply: Record<string, unknown>) => {
    const cards = cardsOf(reply);
    assert.equal(cards.length, 1, `a card, got ${JSON.stringify(reply).slice(0, 300)}`);
    return cards[0]!;
  };

  const bar = [
    {
      question: 'show Zone 3 attack paths',
      intent: 'attack_paths' as const,
      slots: { zone: 3 as const },
      title: 'Attack paths to AI resources',
      summary: 'Zone 3 (Regulated)',
      noun: 'attack paths',
      portal: (kql: string) => ({ title: 'Open in Resource Graph Explorer', url: resourceGraphQueryUrl({ query: kql }) }),
    },
    {
      question: 'jailbreak attempts this week',
      intent: 'alerts' as const,
      slots: { alertType: 'jailbreak' as const, timeRange: 'P7D' },
      title: 'Defender for AI threat alerts',
      summary: 'last 7 days · jailbreak attempts',
      noun: 'alerts',
      portal: (kql: string) => ({ title: 'Open in Resource Graph Explorer', url: resourceGraphQueryUrl({ query: kql }) }),
    },
    {
      question: "what's our AI secure score",
      intent: 'secure_score' as const,
      slots: {},
      title: 'Secure score trend',
      summary: 'last 30 days',
      noun: 'daily scores',
      portal: (kql: string) => ({ title: 'Open in Log Analytics', url: logAnalyticsQueryUrl({ workspaceResourceId: SIMULATED_WORKSPACE_RESOURCE_ID, query: kql }) }),
    },
  ];
  for (const c of bar) {
    it(`"${c.question}" → ${c.intent} card with the slots, row count, KQL and portal link`, async () => {
      const card = cardOf(await ask(c.question));
      const direct = await runDirectly(bot, c.intent, c.slots);
      const n = direct.result.rows.length;
      assert.ok(n > 0, 'the simulated tenant has rows for this question');
      const lines = texts(card);
      assert.equal(lines[0], c.title);
      assert.equal(lines[1], c.summary);
      const count = lines.find((l) => l.includes(c.noun) && l.includes('Data as of'));
      assert.ok(count, lines.join('\n'));
      const size = VIEWS[c.intent].pageSize;
      assert.match(count, size > 0 && n > size ? new RegExp(`^Showing 1–${size} of ${n} ${c.noun} · Data as of 2026-11-18 10:00 UTC`) : new RegExp(`^${n} ${c.noun} · `));
      assert.ok(lines.includes(direct.text), 'the exact KQL that ran is on the card (monospace)');
      const open = actions(card).find((a) => a.type === 'Action.OpenUrl');
      assert.deepEqual({ title: open?.title, url: open?.url }, c.portal(direct.text));
      const toggle = actions(card).find((a) => a.type === 'Action.ToggleVisibility');
      assert.deepEqual(toggle?.targetElements, ['kql']);
      const followUps = actions(card).filter((a) => a.verb === 'ask');
      assert.ok(followUps.length >= 2 && followUps.length <= 3);
    });
  }

  it('the secure score card leads with the latest score and a line chart', async () => {
    const card = cardOf(await ask("what's our AI secure score"));
    const direct = await runDirectly(bot, 'secure_score', {});
    const latest = direct.result.rows.at(-1)!;
    const pct = latest[direct.result.columns.findIndex((col) => col.name === 'Percentage')] as number;
    assert.ok(texts(card).includes(`${pct.toLocaleString('en-US', { maximumFractionDigits: 1 })}%`));
    const chart = JSON.stringify(card).match(/"type":"Chart\.Line"/);
    assert.ok(chart);
  });

  it('"Show more" re-runs the query and shows the next page (data re-validated, never trusted rows)', async () => {
    const first = cardOf(await ask('show recommendations'));
    const more = actions(first).find((a) => a.verb === 'answer_page')!;
    assert.deepEqual(more.data, { intent: 'recommendations', slots: {}, page: 1 });
    const page2 = await click(bot, connector.url, 'answer_page', more.data);
    assert.ok(page2.card);
    assert.ok(texts(page2.card).some((t) => /^Showing 11–20 of \d+ unhealthy recommendations/.test(t)));
  });

  it('my_queue uses the asking user (their UPN from the directory), never the text', async () => {
    const card = cardOf(await ask("what's assigned to me"));
    assert.equal(texts(card)[1], 'assigned to priya.shah@contoso.com');
  });

  it('a low-confidence question gets "Did you mean…" whose buttons run the intent with the slots understood', async () => {
    const card = cardOf(await ask('models in zone 3'));
    assert.equal(texts(card)[0], 'Did you mean…');
    const choices = actions(card).filter((a) => a.verb === 'run_intent');
    assert.ok(choices.length >= 1 && choices.length <= 3);
    const pick = choices[0]!;
    assert.deepEqual((pick.data as { slots: unknown }).slots, { zone: 3 });
    const answer = await click(bot, connector.url, 'run_intent', pick.data);
    assert.ok(answer.card, answer.text);
    assert.equal(texts(answer.card)[1]!.startsWith('Zone 3 (Regulated)'), true);
  });

  it('help gets the help card; an out-of-scope question a short card with example questions', async () => {
    const help = cardOf(await ask('help'));
    assert.equal(texts(help)[0], 'What I can do');
    const none = cardOf(await ask("what's the weather in Paris"));
    assert.match(texts(none)[1]!, /outside what I can help with/);
    assert.ok(JSON.stringify(none).length < JSON.stringify(help).length / 3, 'short: no command sections');
    assert.match(JSON.stringify(none), /"verb":"ask".*"show Zone 3 attack paths"/);
  });

  it('refuses oversized text with a plain answer', async () => {
    const reply = await ask(`show alerts ${'x'.repeat(600)}`);
    assert.match(String(reply.text), /That message is 612 characters long; please ask in under 500\./);
  });

  const tampered: [string, string, unknown, RegExp][] = [
    ['an unknown intent', 'run_intent', { intent: 'drop_tables', slots: {} }, /intent: Invalid enum value/],
    ['help as an intent (runs no query)', 'run_intent', { intent: 'help', slots: {} }, /intent: Invalid enum value/],
    ['a malformed slot', 'run_intent', { intent: 'alerts', slots: { zone: 7 } }, /slots\.zone/],
    ['an extra slot field', 'run_intent', { intent: 'alerts', slots: { kql: 'SecurityAlert | take 1' } }, /Unrecognized key\(s\) in object: 'kql'/],
    ['a user in card data', 'run_intent', { intent: 'my_queue', slots: { user: 'ceo@contoso.com' } }, /user is not accepted from a card/],
    ['a negative page', 'answer_page', { intent: 'alerts', slots: {}, page: -1 }, /page/],
    ['a page that is not a number', 'answer_page', { intent: 'alerts', slots: {}, page: '2' }, /page/],
    ['no data at all', 'answer_page', null, /intent: Required/],
  ];
  for (const [name, verb, data, problem] of tampered) {
    it(`refuses ${name} in card data and runs nothing`, async () => {
      const before = connector.posted().length;
      const res = await click(bot, connector.url, verb, data);
      assert.equal(res.status, 200);
      assert.equal(res.card, undefined);
      assert.match(res.text, /^That button's data is not valid \(/);
      assert.match(res.text, problem);
      assert.equal(connector.posted().length, before);
    });
  }

  it('a page past the end shows the last page (rows change between clicks)', async () => {
    const res = await click(bot, connector.url, 'answer_page', { intent: 'inventory', slots: {}, page: 999 });
    assert.ok(res.card);
    assert.ok(texts(res.card).some((t) => /^Showing 25–27 of 27 AI resources/.test(t)), texts(res.card).join('\n'));
  });

  it('a follow-up button posts its answer as a new message and leaves the clicked card alone', async () => {
    const before = connector.posted().length;
    const res = await click(bot, connector.url, 'ask', { question: 'what is overdue' });
    assert.equal(res.text, 'Asked: what is overdue');
    const posted = connector.posted().slice(before);
    assert.equal(posted.length, 1);
    assert.equal(texts(cardOf(posted[0]!))[0], 'Overdue AI remediations');
  });
});
