import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type RunningBot } from '../../src/bot';
import { parseConfig } from '../../src/config';
import { activity, install } from '../support/activities';
import { postActivity } from '../support/bot';
import { cardsOf, ConnectorStub } from '../support/connector-stub';

const ADMIN = { id: 'user-id-5', name: 'Avery Admin', aadObjectId: '1a0b0c0d-0000-4000-8000-000000000006' };
const CONV = 'group-chat-model-risk';
const ROOT = join(__dirname, '..', '..');

/** A clock the test moves by hand, shared by every start of the bot. */
class FakeClock {
  constructor(private t: Date) {}
  now = (): Date => new Date(this.t.getTime());
  set(iso: string): void {
    this.t = new Date(iso);
  }
}

describe('scheduled digest: missed runs are caught up once per period across restarts', () => {
  const connector = new ConnectorStub();
  let sqlite: string;
  before(async () => {
    await connector.start();
  });
  after(() => connector.stop());
  beforeEach(() => {
    sqlite = join(mkdtempSync(join(tmpdir(), 'digest-catchup-')), 'bot.sqlite');
  });

  const start = (clock: FakeClock): Promise<RunningBot> => startBot(parseConfig({ PORT: '0', SQLITE_PATH: sqlite, LOG_LEVEL: 'silent' }, ROOT), clock);
  const digestsPosted = () => connector.posted().flatMap(cardsOf).filter((c) => JSON.stringify(c).includes('Weekly AI security digest')).length;

  async function scheduleHere(clock: FakeClock): Promise<void> {
    const bot = await start(clock);
    await postActivity(bot, install(connector.url, CONV));
    const res = await postActivity(bot, activity(connector.url, { type: 'message', text: 'digest here', from: ADMIN }, CONV));
    assert.equal(res.status, 200);
    assert.equal((await bot.digest.schedules.list({ enabledOnly: true })).length, 1);
    await bot.stop();
  }

  it('down at Monday 09:00 New York: sent once at the next start, not again at later starts', async () => {
    const clock = new FakeClock(new Date('2025-06-16T12:00:00Z')); // Monday 08:00 in New York
    const before = digestsPosted();
    await scheduleHere(clock);
    assert.equal(digestsPosted(), before, 'nothing is due before 09:00');

    clock.set('2025-06-16T14:00:00Z'); // the bot was down at 09:00 (13:00 UTC)
    let bot = await start(clock);
    assert.equal(digestsPosted(), before + 1);
    await bot.stop();

    clock.set('2025-06-16T15:30:00Z'); // restarted again within the same period
    bot = await start(clock);
    const runs = await bot.digest.runs.list();
    await bot.stop();
    assert.equal(digestsPosted(), before + 1);
    assert.deepEqual(runs.map((r) => [r.conversationId, r.kind, r.periodKey, r.status]), [[CONV, 'weekly', 'weekly@2025-06-16T13:00:00.000Z', 'sent']]);
    assert.ok(runs[0]!.activityId, 'the posted activity id is recorded');
  });

  it('a failed send gives the period back and a later pass sends it', async () => {
    const clock = new FakeClock(new Date('2025-06-16T12:00:00Z'));
    await scheduleHere(clock);
    clock.set('2025-06-16T14:00:00Z');
    const before = digestsPosted();
    let bot = await start(clock);
    await bot.stop();
    assert.equal(digestsPosted(), before + 1);
    // Next week Teams refuses the post (403, not retried by the connector client).
    const refusing: Server = createServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"BotNotInConversationRoster"}}');
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    clock.set('2025-06-23T12:00:00Z');
    bot = await start(clock);
    await postActivity(bot, install(`http://127.0.0.1:${(refusing.address() as AddressInfo).port}`, CONV));
    clock.set('2025-06-23T13:05:00Z');
    assert.equal(await bot.digest.scheduler.runDue(), 0);
    assert.deepEqual((await bot.digest.runs.list()).map((r) => r.periodKey), ['weekly@2025-06-16T13:00:00.000Z']);
    await postActivity(bot, install(connector.url, CONV));
    assert.equal(await bot.digest.scheduler.runDue(), 1);
    assert.equal(await bot.digest.scheduler.runDue(), 0);
    assert.deepEqual((await bot.digest.runs.list()).map((r) => [r.periodKey, r.status]), [
      ['weekly@2025-06-16T13:00:00.000Z', 'sent'],
      ['weekly@2025-06-23T13:00:00.000Z', 'sent'],
    ]);
    assert.equal(digestsPosted(), before + 2);
    await bot.stop();
    refusing.close();
  });
});
