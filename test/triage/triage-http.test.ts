import assert from 'node:assert/strict';
import type { RunningBot } from '../../src/bot';
import type { EmbeddedDataSource } from '../../src/data/embedded';
import type { Finding } from '../../src/domain/finding';
import { install } from '../support/activities';
import { postActivity } from '../support/bot';
import { cardsOf, ConnectorStub, type RecordedRequest } from '../support/connector-stub';
import { alert, APPROVALS_CHAT, cardData, click, NOW, recommendation, SIM_TENANT, startTriageBot, type Person } from './support';

describe('triage over the real endpoint (Action.Execute invokes)', function () {
  this.timeout(30_000);
  const connector = new ConnectorStub();
  let bot: RunningBot;
  let now = NOW;
  const clock = { now: () => now };

  before(async () => {
    await connector.start();
    bot = await startTriageBot(clock);
    await bot.triage.stop(); // the tests drive the worker and the reminder job themselves
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
  });
  beforeEach(() => {
    now = NOW;
  });

  const put = async (f: Finding) => {
    await bot.triage.findings.put(f, now);
    return f;
  };
  const current = async (f: Finding) => (await bot.triage.findings.get(f.tenantId, f.key))!;
  /** Approvals and rejections are clicked where they count, in the approvals chat; everything else in a personal chat. */
  const act = async (who: Person, verb: string, f: Finding, inputs: Record<string, unknown> = {}, id?: string) =>
    click(bot, connector.url, who, verb, { ...cardData(await current(f)), ...inputs }, id, verb === 'approve' || verb === 'reject' ? APPROVALS_CHAT : undefined);
  const tables = () => (bot.dataSource as EmbeddedDataSource).tenant.tables;

  it('claims a Zone 3 critical finding: the card shows the owner and a due date 72 hours out, then syncs', async () => {
    const f = await put(recommendation('oai-claim-z3', 3));
    const answer = await act('priya', 'claim', f);
    assert.equal(answer.status, 200);
    assert.match(answer.text, /You own this now; due 2025-06-19/);
    assert.match(answer.text, /"title":"Owner","value":"Priya Shah"/);
    assert.match(answer.text, /"title":"Due","value":"2025-06-19 14:00 UTC"/);
    assert.match(answer.text, /syncing to Defender…/);
    await bot.triage.worker.drain();
    const row = tables().securityresources!.find((r) => String(r.id).startsWith(`${f.details.assessmentId}/governanceAssignments/`));
    assert.ok(row, 'the governance assignment reached the simulated tenant');
    assert.deepEqual((({ owner, remediationDueDate, isGracePeriod }) => ({ owner, remediationDueDate, isGracePeriod }))(row.properties as Record<string, unknown>), {
      owner: 'priya.shah@contoso.com',
      remediationDueDate: '2025-06-19T14:00:00.000Z',
      isGracePeriod: false,
    });
    const refreshed = await act('priya', 'comment', f, { text: 'on it' });
    assert.match(refreshed.text, /synced to Defender/);
  });

  it('Zone 3 risk acceptance stays pending until two other committee members approve', async () => {
    const f = await put(recommendation('oai-accept-z3', 3, 'high'));
    const justification = 'Traffic is internal only; private endpoint lands with the Q3 network migration.';
    const requested = await act('priya', 'accept_risk', f, { justification, expiresOn: '2025-08-01' });
    assert.match(requested.text, /two Model Risk Committee members must approve/);
    assert.match(requested.text, /waiting for a committee member/);

    const self = await act('priya', 'approve', f);
    assert.match(self.text, /Only a Model Risk Committee member can approve/);
    const first = await act('david', 'approve', f);
    assert.match(first.text, /Approved \(1 of 2\)/);
    assert.equal((await bot.triage.states.get(SIM_TENANT, f.key)).status, 'pending_acceptance');
    const twice = await act('david', 'approve', f);
    assert.match(twice.text, /already approved this request/);
    const second = await act('sarah', 'approve', f);
    assert.match(second.text, /Approved: risk accepted until 2025-08-01/);
    assert.match(second.text, /"title":"Risk accepted until"/);
    const again = await act('tom', 'approve', f);
    assert.match(again.text, /already been decided/);

    await bot.triage.worker.drain();
    const exemption = tables().policyresources!.find((r) => String(r.id).startsWith(`${f.resource.id}/providers/Microsoft.Authorization/policyExemptions/`));
    const props = exemption?.properties as Record<string, unknown>;
    assert.equal(props.exemptionCategory, 'Waiver');
    assert.equal(props.description, justification);
    assert.equal(props.expiresOn, '2025-08-01T23:59:59.000Z');
  });

  it("posts the request into the committee's chat as the finding's card and updates that card as approvals land", async () => {
    const COMMITTEE_CHAT = APPROVALS_CHAT;
    const groupInstall = install(connector.url, COMMITTEE_CHAT);
    await postActivity(bot, { ...groupInstall, conversation: { ...(groupInstall.conversation as object), conversationType: 'groupChat', isGroup: true } });
    const f = await put(recommendation('oai-accept-card-z3', 3, 'high'));
    const inCommitteeChat = () => connector.requests.filter((r) => r.path.includes(`/v3/conversations/${COMMITTEE_CHAT}/activities`));
    const cardPosts = () => inCommitteeChat().filter((r) => r.method === 'POST' && cardsOf(r.body).length > 0);
    const before = { all: inCommitteeChat().length, cards: cardPosts().length, requests: connector.requests.length };
    await act('priya', 'accept_risk', f, { justification: 'Compensated by the private endpoint rolled out last week.', expiresOn: '2025-08-01' });
    // Notices go out after the invoke is answered: wait for the card to reach the committee's chat.
    const isCardPost = (r: RecordedRequest) => r.method === 'POST' && r.path.includes(`/conversations/${COMMITTEE_CHAT}/`) && cardsOf(r.body).length > 0;
    const cardPost = await connector.waitFor((r) => isCardPost(r) && connector.requests.indexOf(r) >= before.requests);
    const posted = inCommitteeChat().slice(before.all);
    assert.match(String(posted[0]?.body.text), /Model Risk Committee approval needed: a risk acceptance is waiting for your decision/);
    assert.equal(cardPosts().length, before.cards + 1);
    assert.match(JSON.stringify(cardsOf(cardPost.body)[0]), /"verb":"approve"/);

    await act('david', 'approve', f);
    const mark = connector.requests.length;
    await act('sarah', 'approve', f);
    const update = await connector.waitFor((r) => r.method === 'PUT' && r.path.includes(`/conversations/${COMMITTEE_CHAT}/`) && connector.requests.indexOf(r) >= mark && /Risk accepted until/.test(JSON.stringify(r.body)));
    const card = JSON.stringify(cardsOf(update.body)[0]);
    assert.match(card, /"title":"Risk accepted until"/, 'the request card now shows the decision');
    assert.doesNotMatch(card, /"verb":"approve"/, 'nothing is left to approve on it');
    assert.equal(cardPosts().length, before.cards + 1, 'updated in place, not posted again');
  });

  it('a SOC analyst who claims the owner’s Zone 1 finding works on it but cannot accept its risk', async () => {
    const f = await put(recommendation('oai-stretch-z1', 1, 'medium'));
    assert.match((await act('marcus', 'claim', f)).text, /You own this now/);
    const stretched = await act('marcus', 'accept_risk', f, { justification: 'Low impact, the model only serves internal FAQ traffic.', expiresOn: '2026-06-01' });
    assert.match(stretched.text, /Only the resource's accountable owner can accept its risk\. That is the resource's owner tag or Defender governance owner: here priya\.shah@contoso\.com\. Claiming a finding, or having it assigned to you, does not make you its accountable owner\./);
    assert.deepEqual((await bot.triage.register.list({ findingKey: f.key })).map((e) => [e.verb, e.actorName, e.role]), [['claim', 'Marcus Chen', 'soc_analyst']]);
    assert.equal((await bot.triage.states.get(SIM_TENANT, f.key)).status, 'claimed');
    const owner = await act('priya', 'accept_risk', f, { justification: 'Low impact, the model only serves internal FAQ traffic.', expiresOn: '2026-06-01' });
    assert.match(owner.text, /Risk accepted until 2026-06-01/, 'the owner tag still decides alone in Zone 1');
  });

  it('refuses an approval clicked outside the approvals chat and changes nothing', async () => {
    const f = await put(recommendation('oai-approve-elsewhere', 3, 'high'));
    await act('priya', 'accept_risk', f, { justification: 'Compensated by the private endpoint rolled out last week.', expiresOn: '2025-08-01' });
    const before = (await current(f)).version;
    const elsewhere = await click(bot, connector.url, 'david', 'approve', cardData(await current(f)), undefined, 'personal-chat-david');
    assert.match(elsewhere.text, /Approvals count only in the Model Risk Committee's approval conversation, where the request was posted; open it there\. Nothing was changed\./);
    assert.equal((await current(f)).version, before);
    assert.deepEqual((await bot.triage.states.get(SIM_TENANT, f.key)).pending!.approvals, []);
    assert.deepEqual((await bot.triage.register.list({ findingKey: f.key })).map((e) => e.verb), ['accept_risk']);
    assert.match((await act('david', 'approve', f)).text, /Approved \(1 of 2\)/, 'the same click in the approvals chat counts');
  });

  it("a single security lead's own Zone 2 request escalates to the committee, who approve it in their chat", async () => {
    const mine = recommendation('oai-lead-owns-z2', 2, 'high');
    const f = await put({ ...mine, resource: { ...mine.resource, owner: 'elena.rossi@contoso.com' } }); // Elena is the only security lead
    const requested = await act('elena', 'accept_risk', f, { justification: 'Vendor patch is scheduled; exposure is limited to the VNet.', expiresOn: '2025-09-01' });
    assert.match(requested.text, /There are not enough security leads besides you, and nobody approves their own request, so it goes to the Model Risk Committee\. Requested: two Model Risk Committee members must approve/);
    assert.match(requested.text, /escalated to the committee: too few security leads besides the requester/);
    assert.match(requested.text, /waiting for a committee member/);
    const self = await act('elena', 'approve', f);
    assert.match(self.text, /Only a Model Risk Committee member can approve the risk acceptance/);
    assert.match((await act('david', 'approve', f)).text, /Approved \(1 of 2\)/);
    assert.match((await act('sarah', 'approve', f)).text, /Approved: risk accepted until 2025-09-01/);
    const [request] = await bot.triage.register.list({ findingKey: f.key });
    assert.deepEqual((request!.after as { pending: { approver: string; escalatedFrom: string[] } }).pending.escalatedFrom, ['security_lead'], 'the register records the escalation');
  });

  it('a committee member who requested cannot approve their own request', async () => {
    const f = await put({ ...recommendation('oai-self-z3', 3), resource: { ...recommendation('oai-self-z3', 3).resource, owner: 'david.okafor@contoso.com' } });
    await act('david', 'accept_risk', f, { justification: 'A'.repeat(30), expiresOn: '2025-07-01' });
    const self = await act('david', 'approve', f);
    assert.match(self.text, /You requested this risk acceptance, so someone else must approve it/);
  });

  it('50 simultaneous claims: exactly one owner, the others see who claimed it', async () => {
    const f = await put(recommendation('oai-race', 2, 'high'));
    const data = cardData(f);
    const who: Person[] = ['priya', 'marcus', 'elena', 'tom'];
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => click(bot, connector.url, who[i % who.length]!, 'claim', data)));
    const winners = answers.filter((a) => /You own this now/.test(a.text));
    assert.equal(winners.length, 1);
    const state = await bot.triage.states.get(SIM_TENANT, f.key);
    for (const a of answers.filter((x) => x !== winners[0])) assert.match(a.text, new RegExp(`changed since you opened it\\. Now claimed by ${state.owner!.name}`));
    const entries = await bot.triage.register.list({ findingKey: f.key });
    assert.equal(entries.length, 1);
    assert.equal((await current(f)).version, 2);
  });

  it('a retried invoke (same activity id) changes nothing', async () => {
    const f = await put(recommendation('oai-retry', 1, 'low'));
    const data = cardData(f);
    const first = await click(bot, connector.url, 'priya', 'claim', data, 'retried-activity');
    const again = await click(bot, connector.url, 'priya', 'claim', data, 'retried-activity');
    assert.match(first.text, /You own this now/);
    assert.match(again.text, /You own this now/);
    assert.equal((await bot.triage.register.list({ findingKey: f.key })).length, 1);
    assert.equal((await current(f)).version, 2);
    assert.equal((await bot.triage.queue.list(SIM_TENANT, f.key)).length, 1);
  });

  it('a bare button opens the verb form; a bad input re-shows it with the reason and changes nothing', async () => {
    const f = await put(recommendation('oai-form', 3));
    const form = await act('priya', 'accept_risk', f);
    assert.match(form.text, /"id":"justification"/);
    assert.match(form.text, /"max":"2025-09-14"/);
    const short = await act('priya', 'accept_risk', f, { justification: 'because', expiresOn: '2025-07-01' });
    assert.match(short.text, /at least 20 characters/);
    assert.match(short.text, /"value":"because"/);
    const far = await act('priya', 'accept_risk', f, { justification: 'A'.repeat(25), expiresOn: '2026-01-01' });
    assert.match(far.text, /at most 90 days; pick 2025-09-14 or earlier/);
    assert.equal((await current(f)).version, 1);
    assert.equal((await bot.triage.register.list({ findingKey: f.key })).length, 0);
  });

  const refusals: [string, Person, string, (f: Finding) => Record<string, unknown>, RegExp][] = [
    ['an unknown verb', 'priya', 'frobnicate', cardData, /"frobnicate" is not something I can do on a finding/],
    ['a tampered finding id', 'priya', 'claim', (f) => ({ ...cardData(f), findingKey: `${f.key}x` }), /can't find that finding/],
    ['card data without a finding', 'priya', 'claim', () => ({ version: '1' }), /does not identify a finding/],
    ['a user without the role', 'stranger', 'claim', cardData, /Only the resource's accountable owner, the assignee, a SOC analyst, a security lead or an admin can claim it/],
    ['a committee member resolving an alert', 'david', 'resolve', (f) => ({ ...cardData(f), reason: 'true_positive' }), /Only a SOC analyst or an admin can resolve it/],
    ['an approval with nothing pending (already decided)', 'david', 'approve', cardData, /already been decided/],
    ['a snooze beyond policy', 'marcus', 'snooze', (f) => ({ ...cardData(f), days: '10' }), /at most 7 days/],
    ['a stale card', 'priya', 'claim', (f) => ({ ...cardData(f), version: '0' }), /changed since you opened it/],
    ['a comment with a broken character (unpaired surrogate)', 'priya', 'comment', (f) => ({ ...cardData(f), text: 'fine \ud83d text' }), /text: contains a broken character/],
  ];
  for (const [name, who, verb, data, expected] of refusals) {
    it(`refuses ${name} with a clear message and changes nothing`, async () => {
      const f = await put(verb === 'resolve' || verb === 'snooze' ? alert(`refuse-${name.length}`) : recommendation(`oai-refuse-${name.length}`, 2));
      const answer = await click(bot, connector.url, who, verb, data(f));
      assert.equal(answer.status, 200);
      assert.match(answer.text, expected);
      assert.equal((await current(f)).version, 1);
      assert.equal((await bot.triage.register.list({ findingKey: f.key })).length, 0);
    });
  }

  it('refuses a finding from another tenant', async () => {
    const f = await put(recommendation('oai-foreign', 1, 'low', 'another-tenant'));
    const answer = await click(bot, connector.url, 'priya', 'claim', cardData(f));
    assert.match(answer.text, /can't find that finding: the card may be from another tenant/);
    assert.equal((await bot.triage.findings.get('another-tenant', f.key))!.version, 1);
  });

  it('resolving an alert writes back its state; a failing write shows "sync failed — retrying"', async () => {
    const real = tables().securityresources!.find((r) => r.type === 'microsoft.security/locations/alerts')!;
    const name = String(real.name);
    const rg = String(real.resourceGroup);
    const f = await put(alert(name, rg));
    const resolved = await act('marcus', 'resolve', f, { reason: 'true_positive' });
    assert.match(resolved.text, /Resolved as true positive/);
    await bot.triage.worker.drain();
    assert.equal((real.properties as Record<string, unknown>).Status, 'Resolved');

    const ghost = await put(alert('ghost-alert-that-is-not-in-the-tenant'));
    await act('marcus', 'dismiss', ghost, { reason: 'false_positive' });
    await bot.triage.worker.drain();
    const view = await act('marcus', 'comment', ghost, { text: 'checking' });
    assert.match(view.text, /sync failed — retrying/);
    const [job] = await bot.triage.queue.list(SIM_TENANT, ghost.key);
    assert.equal(job!.attempts, 1);
    assert.match(job!.lastError!, /not in the simulated tenant/);
  });

  it('expired risk acceptances reopen the finding; expiring ones remind; the register verifies', async () => {
    const f = await put(recommendation('oai-expiry', 1, 'medium'));
    await act('priya', 'accept_risk', f, { justification: 'Accepted for the pilot, data is synthetic only.', expiresOn: '2025-06-20' });
    assert.equal(await bot.triage.reminders.runOnce(), 1, 'the expiry reminder');
    now = new Date('2025-06-21T00:00:00Z');
    await bot.triage.reminders.runOnce();
    const state = await bot.triage.states.get(SIM_TENANT, f.key);
    assert.equal(state.status, 'open');
    const verbs = (await bot.triage.register.list({ findingKey: f.key })).map((e) => e.verb);
    assert.deepEqual(verbs, ['accept_risk', 'remind_expiry', 'expire']);
    const verified = await bot.triage.register.verify();
    assert.ok(verified.ok);
  });
});
