import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activity, install, message } from '../support/activities';
import { startBot, type RunningBot } from '../../src/bot';
import { parseConfig } from '../../src/config';
import type { Finding } from '../../src/domain/finding';
import { openDatabase } from '../../src/store/database';
import { FindingStore } from '../../src/store/findings';
import { TriageStateStore } from '../../src/store/triage';
import { postActivity } from '../support/bot';
import { cardsOf, ConnectorStub } from '../support/connector-stub';

/** Holds the admin role in env/policy.local.json. */
const ADMIN = { id: 'user-id-5', name: 'Avery Admin', aadObjectId: '1a0b0c0d-0000-4000-8000-000000000006' };
const CONV = 'group-chat-model-risk';

const types = (node: unknown): string[] =>
  Array.isArray(node) ? node.flatMap(types) : node && typeof node === 'object' ? [...(typeof (node as { type?: unknown }).type === 'string' ? [(node as { type: string }).type] : []), ...Object.values(node).flatMap(types)] : [];

const PENDING_KEY = 'recommendation:/subscriptions/x/providers/microsoft.cognitiveservices/accounts/oai-customer-chatbot-prod|restrict';

/** A Zone 3 acceptance request awaiting the committee, as triage stores it. */
async function addPendingZone3Acceptance(sqlite: string): Promise<void> {
  const db = await openDatabase({ kind: 'sqlite', path: sqlite });
  const now = new Date();
  const finding: Finding = {
    key: PENDING_KEY, kind: 'recommendation', tenantId: 'contoso', title: 'Azure AI Services resources should restrict network access', severity: 'medium',
    resource: { id: '/subscriptions/x/providers/microsoft.cognitiveservices/accounts/oai-customer-chatbot-prod', name: 'oai-customer-chatbot-prod', kind: 'Azure OpenAI', zone: 3, zoneKnown: true },
    status: 'active', firstSeen: now, lastSeen: now, details: {}, version: 4,
  };
  await new FindingStore(db).put(finding, now);
  await new TriageStateStore(db).put(db, 'contoso', PENDING_KEY, {
    status: 'pending_acceptance',
    pending: { requestedBy: { name: 'Marcus Johnson', upn: 'marcus.johnson@contoso.com' }, requestedAt: now.toISOString(), justification: 'Public endpoint needed for the mobile app until the APIM migration.', expiresOn: '2025-09-14T00:00:00.000Z', approver: 'committee', required: 2, approvals: [], returnTo: 'open' },
  }, now);
  await db.destroy();
}

describe('digest in chat (HTTP, real bot, SQLite, simulated tenant)', () => {
  let bot: RunningBot;
  const connector = new ConnectorStub();
  let schedules: RunningBot["digest"]["schedules"];

  const say = async (text: string, from?: typeof ADMIN): Promise<Record<string, unknown>[]> => {
    const before = connector.posted().length;
    const body = from ? activity(connector.url, { type: 'message', text, from }, CONV) : message(connector.url, text, CONV);
    assert.equal((await postActivity(bot, body)).status, 200);
    return connector.posted().slice(before);
  };
  const textOf = (posts: Record<string, unknown>[]) => posts.map((p) => String(p.text ?? '')).join('\n');

  before(async () => {
    await connector.start();
    const sqlite = join(mkdtempSync(join(tmpdir(), 'digest-chat-')), 'bot.sqlite');
    bot = await startBot(parseConfig({ PORT: '0', SQLITE_PATH: sqlite, LOG_LEVEL: 'silent' }, join(__dirname, '..', '..')));
    schedules = bot.digest.schedules;
    await postActivity(bot, install(connector.url, CONV));
    await addPendingZone3Acceptance(sqlite);
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
  });

  it('"digest now" posts the digest card with charts and figures from the simulated tenant', async () => {
    const posts = await say('digest now');
    const cards = posts.flatMap(cardsOf);
    assert.equal(cards.length, 1);
    const card = cards[0]!;
    const json = JSON.stringify(card);
    assert.match(json, /Weekly AI security digest · Model Risk Committee/);
    for (const chart of ['Chart.Line', 'Chart.HorizontalBar', 'Chart.VerticalBar']) assert.ok(types(card).includes(chart), `${chart} present`);
    assert.match(json, /27 AI resources, 1 without a valid zone tag/);
    assert.match(json, /attack paths reach AI resources/);
    assert.match(json, /Defender for AI alerts this week \((▲|▼|new|no change)/);
    assert.ok(Buffer.byteLength(json) < 28 * 1024);
  });

  it('shows pending Zone 3 acceptances with Approve/Reject (the triage verbs, finding key and version)', async () => {
    const card = (await say('digest now')).flatMap(cardsOf)[0]!;
    assert.match(JSON.stringify(card), /1 Zone 3 risk acceptance\(s\) need committee approval/);
    const actions = JSON.stringify(card).match(/\{"type":"Action.Execute","title":"(Approve|Reject)"[^}]*\}\}/g) ?? [];
    assert.deepEqual(actions.map((a) => JSON.parse(a) as { verb: string; data: unknown }).map((a) => [a.verb, a.data]), [
      ['approve', { findingKey: PENDING_KEY, version: 4 }],
      ['reject', { findingKey: PENDING_KEY, version: 4 }],
    ]);
  });

  it('"digest now zone3" posts the daily Zone 3 attack-path digest', async () => {
    const json = JSON.stringify((await say('digest now zone3')).flatMap(cardsOf));
    assert.match(json, /Daily Zone 3 attack-path review/);
    assert.match(json, /attack paths reach Zone 3 \(regulated\) AI resources/);
  });

  const refused: [string, string, RegExp][] = [
    ['a non-admin user', 'digest schedule mon 09:00 America/New_York', /Only an admin can change digest schedules.*Nothing was changed/],
    ['a bad day', 'digest schedule funday 09:00 America/New_York', /Unknown day "funday".*Nothing was changed/],
    ['25:00', 'digest schedule mon 25:00 America/New_York', /"25:00" is not a time of day.*Nothing was changed/],
    ['an unknown time zone', 'digest schedule mon 09:00 Moon/Tranquility', /Unknown time zone "Moon\/Tranquility".*Nothing was changed/],
  ];
  for (const [name, text, expected] of refused) {
    it(`refuses ${name} with a clear answer and changes nothing`, async () => {
      const reply = textOf(await say(text, name === 'a non-admin user' ? undefined : ADMIN));
      assert.match(reply, expected);
      assert.deepEqual(await schedules.list(), []);
    });
  }

  it('an admin schedules, inspects and stops the digests', async () => {
    assert.match(textOf(await say('digest here', ADMIN)), /weekly committee digest goes to this conversation: mon 09:00 America\/New_York, next on/);
    assert.match(textOf(await say('digest schedule tue,fri 07:30 Europe/London', ADMIN)), /tue,fri 07:30 Europe\/London/);
    assert.match(textOf(await say('digest zone3 08:00 America/New_York', ADMIN)), /daily Zone 3 attack-path digest goes to this conversation: daily 08:00 America\/New_York/);
    const status = textOf(await say('digest status'));
    assert.match(status, /weekly committee digest: tue,fri 07:30 Europe\/London/);
    assert.match(status, /daily Zone 3 attack-path digest: daily 08:00/);
    const stored = await schedules.list({ conversationId: CONV });
    assert.deepEqual(stored.map((s) => [s.kind, s.cron, s.timeZone, s.enabled, s.updatedBy]), [
      ['weekly', '30 7 * * 2,5', 'Europe/London', true, ADMIN.aadObjectId],
      ['zone3_daily', '0 8 * * 0,1,2,3,4,5,6', 'America/New_York', true, ADMIN.aadObjectId],
    ]);
    assert.match(textOf(await say('digest off', ADMIN)), /Stopped the weekly committee digest and the daily Zone 3 attack-path digest/);
    assert.ok((await schedules.list()).every((s) => !s.enabled));
    assert.match(textOf(await say('digest status')), /No digest is scheduled in this conversation/);
  });
});
