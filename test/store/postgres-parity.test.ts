import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Finding } from '../../src/domain/finding';
import { GENESIS_HASH } from '../../src/domain/triage/register';
import { ConversationStore } from '../../src/store/conversations';
import { migrate, openDatabase, type Db } from '../../src/store/database';
import { DigestRunStore, type DigestRunKey } from '../../src/store/digest-runs';
import { DigestScheduleStore, type StoredDigestSchedule } from '../../src/store/digest-schedules';
import { FindingStore } from '../../src/store/findings';
import { CardStore } from '../../src/store/notify-cards';
import { NotifyConversationStore } from '../../src/store/notify-conversations';
import { OutboxStore } from '../../src/store/outbox';
import { ProcessedActivities } from '../../src/store/processed-activities';
import { DecisionRegister, type NewEntry } from '../../src/store/register';
import { SubscriptionStore } from '../../src/store/subscriptions';
import { TriageStateStore } from '../../src/store/triage';
import { WatermarkStore } from '../../src/store/watermarks';
import { WritebackQueue } from '../../src/store/writeback';
import { describeEachDatabase } from '../support/databases';

/**
 * Every store class on every dialect: the product runs SQLite embedded and PostgreSQL in Azure through the
 * same Kysely code, so each behaviour the bot relies on (types read back, upserts, conflicts, concurrency)
 * is checked on both. PostgreSQL runs when TEST_DATABASE_URL is set (see test/support/databases.ts).
 */
const T = 'tenant-a';
const NOW = new Date('2026-11-01T10:00:00.000Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const TABLES = [
  'conversations',
  'decision_register',
  'decision_register_head',
  'digest_runs',
  'digest_schedules',
  'findings',
  'notify_card_findings',
  'notify_cards',
  'notify_conversations',
  'notify_outbox',
  'notify_subscriptions',
  'notify_watermarks',
  'processed_activities',
  'triage_states',
  'writeback_jobs',
];

const finding = (key = 'alert:123', version = 1): Finding => ({
  key,
  kind: 'alert',
  tenantId: T,
  title: 'Access from a Tor IP',
  severity: 'high',
  resource: { id: '/subscriptions/s/rg/x', name: 'oai-x', kind: 'Azure OpenAI', zone: 3, zoneKnown: true, owner: 'a@contoso.com' },
  status: 'active',
  firstSeen: new Date('2026-11-01T10:00:00Z'),
  lastSeen: new Date('2026-11-01T10:05:00Z'),
  details: { alertType: 'AI.Azure_AccessFromAnonymizedIP', tactics: ['Execution'], nested: { n: 1.5, ok: true, none: null } },
  version,
});

const entry = (i: number, findingKey = 'alert:123'): NewEntry => ({
  tenantId: T,
  findingKey,
  zone: 3,
  verb: 'claim',
  actorId: `actor-${i}`,
  actorName: `Person ${i} «ü»`,
  role: 'owner',
  justification: i % 2 ? null : `reason ${i}`,
  before: { status: 'open' },
  after: { status: 'claimed', n: i },
  at: at(i).toISOString(),
});

/** Entra ID display names may be 256 characters long. */
const LONG_NAME = `Dr. ${'Maximiliane-Alexandra '.repeat(11)}`.slice(0, 256);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves after `ms` with 'pending' unless `p` settled first: shows that a writer is blocked. */
async function stillPending(p: Promise<unknown>, ms = 300): Promise<boolean> {
  let settled = false;
  void p.then(
    () => (settled = true),
    () => (settled = true),
  );
  await sleep(ms);
  return !settled;
}

describeEachDatabase('store parity', (t) => {
  describe('migrations', () => {
    it('create every table from an empty database and a second run changes nothing', async () => {
      const db = await t.open();
      const tables = (await db.introspection.getTables()).map((x) => x.name).sort();
      assert.deepEqual(tables, TABLES);
      const head = await db.selectFrom('decision_register_head').selectAll().execute();
      assert.deepEqual(head.map((h) => ({ id: Number(h.id), seq: Number(h.seq), hash: h.hash })), [{ id: 1, seq: 0, hash: GENESIS_HASH }]);
      await migrate(db);
      assert.equal((await db.selectFrom('decision_register_head').selectAll().execute()).length, 1, 'the head row is seeded once');
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
      assert.deepEqual(applied.rows.map((r) => r.name), ['001-conversations', '002-findings', '003-notifications', '004-triage', '005-digest', '006-text-columns']);
    });

    it('two instances starting at once on a new database both come up (the migration lock)', async function () {
      // Embedded mode runs one process per SQLite file; Azure may start several instances on one server.
      if (t.dialect === 'sqlite') this.skip();
      const store = await t.create();
      const [a, b] = await Promise.all([openDatabase(store), openDatabase(store)]);
      try {
        assert.equal((await a.selectFrom('decision_register_head').selectAll().execute()).length, 1);
        assert.equal((await b.introspection.getTables()).length, TABLES.length);
      } finally {
        await Promise.all([a.destroy(), b.destroy()]);
      }
    });
  });

  describe('stores', () => {
    let db: Db;
    beforeEach(async () => {
      db = await t.open();
    });

    it('conversations: upsert keeps installed_at, list is ordered, ping counts', async () => {
      const store = new ConversationStore(db);
      const ref = (id: string) => ({ tenantId: T, conversationId: id, conversationType: 'personal', reference: { conversation: { id }, unicode: 'Zürich ✓' } });
      await store.save(ref('b'), at(1));
      await store.save(ref('a'), at(2));
      await store.save({ ...ref('b'), conversationType: 'channel' }, at(3));
      const list = await store.list();
      assert.deepEqual(list.map((c) => [c.conversationId, c.conversationType]), [['b', 'channel'], ['a', 'personal']]);
      assert.deepEqual(list[0]!.reference, ref('b').reference);
      await store.ping();
    });

    it('findings: round trip, types and filters', async () => {
      const store = new FindingStore(db);
      await store.put(finding(), NOW);
      await store.put({ ...finding('alert:456'), status: 'resolved', resource: { ...finding().resource, zone: 1 } }, NOW);
      const got = await store.get(T, 'alert:123');
      assert.deepEqual(got, finding());
      assert.equal(typeof got!.version, 'number');
      assert.equal(typeof got!.resource.zone, 'number');
      assert.deepEqual((await store.list({ zone: 1 })).map((f) => f.key), ['alert:456']);
      assert.deepEqual((await store.list({ tenantId: T, status: 'active', kind: 'alert' })).map((f) => f.key), ['alert:123']);
    });

    it('findings: of two concurrent writers with the same expected version exactly one wins', async () => {
      const store = new FindingStore(db);
      await store.put(finding('alert:123', 1), NOW);
      for (let round = 1; round <= 5; round++) {
        // Both writers read the finding before either writes. On PostgreSQL they read inside overlapping
        // transactions, and the winner holds its row lock a moment so the loser's UPDATE waits and re-checks;
        // SQLite runs one transaction at a time, so there they read before their transactions start.
        const early = await store.get(T, 'alert:123');
        let ready = 0;
        const writer = (title: string) =>
          db.transaction().execute(async (tx) => {
            let current = early!;
            if (t.dialect === 'postgres') {
              current = (await store.get(T, 'alert:123', tx))!;
              ready++;
              await until(() => ready >= 2);
            }
            const won = await store.replaceIfVersion({ ...current, title, version: current.version + 1 }, current.version, NOW, tx);
            await sleep(10);
            return won;
          });
        const results = await Promise.all([writer(`first ${round}`), writer(`second ${round}`)]);
        assert.equal(results.filter(Boolean).length, 1, `round ${round}: exactly one writer wins (${results})`);
        const stored = (await store.get(T, 'alert:123'))!;
        assert.equal(stored.version, round + 1);
        assert.equal(stored.title, results[0] ? `first ${round}` : `second ${round}`);
      }
    });

    it('outbox: one pending item per card, due order and limit, claim, drain, recover and counts', async () => {
      const outbox = new OutboxStore(db);
      const convs = new NotifyConversationStore(db);
      const base = Date.UTC(2026, 10, 1, 10); // epoch milliseconds do not fit in 32 bits: bigint on PostgreSQL
      const item = (cardId: number, conversationId = 'c1') => ({ tenantId: T, conversationId, cardId, op: 'post' as const });
      assert.equal(await outbox.enqueue(item(1), new Date(base)), true);
      assert.equal(await outbox.enqueue(item(1), new Date(base + 1)), false, 'the pending item covers the change');
      assert.equal(await outbox.enqueue(item(2), new Date(base + 2)), true);
      assert.equal(await outbox.enqueue(item(3, 'gone'), new Date(base + 3)), true);
      assert.equal(await outbox.enqueue(item(4), new Date(base + 60_000)), true);
      await convs.markUnreachable(T, 'gone', '403', NOW);

      assert.equal(await outbox.nextDueAt(), base);
      assert.equal(typeof (await outbox.nextDueAt()), 'number');
      const due = await outbox.due(base + 10, 10);
      assert.deepEqual(due.map((i) => i.cardId), [1, 2], 'oldest first; not yet due and unreachable are skipped');
      assert.deepEqual(due[0], { id: due[0]!.id, tenantId: T, conversationId: 'c1', cardId: 1, op: 'post', status: 'pending', attempts: 0, nextAttemptAt: base, lastError: undefined });
      assert.deepEqual((await outbox.due(base + 10, 1)).map((i) => i.cardId), [1], 'limit');

      // Drain as the sender does: mark in flight, then sent (with the card's activity id) in one transaction.
      const [first, second] = due;
      await outbox.setStatus(first!.id, 'in_flight', NOW);
      await outbox.setStatus(second!.id, 'in_flight', NOW);
      assert.equal(await outbox.enqueue(item(1), new Date(base + 4)), true, 'an in-flight item does not cover later changes');
      await db.transaction().execute((tx) => outbox.setStatus(first!.id, 'sent', NOW, { attempts: 1, lastError: null }, tx));
      await outbox.setStatus(second!.id, 'pending', NOW, { attempts: 1, nextAttemptAt: base + 5_000, lastError: '429: throttled' });
      const retried = (await outbox.list({ status: 'pending' })).find((i) => i.id === second!.id)!;
      assert.deepEqual([retried.attempts, retried.nextAttemptAt, retried.lastError], [1, base + 5_000, '429: throttled']);

      // A crash with a post and an update in flight: the update is retried, the post is not repeated.
      await outbox.setStatus(second!.id, 'in_flight', NOW);
      await db.updateTable('notify_outbox').set({ op: 'update' }).where('id', '=', second!.id).execute();
      const fifth = (await outbox.due(base + 10, 10)).find((i) => i.cardId === 1)!;
      await outbox.setStatus(fifth.id, 'in_flight', NOW);
      assert.deepEqual(await outbox.recover(NOW), { retried: 1, unconfirmed: 1 });

      assert.equal(await outbox.dropConversation(T, 'gone', 'uninstalled', NOW), 1);
      const counts = await outbox.counts();
      assert.deepEqual(
        counts.sort((a, b) => a.conversationId.localeCompare(b.conversationId)),
        [
          { tenantId: T, conversationId: 'c1', pending: 2, failed: 0, unconfirmed: 1, sent: 1 },
          { tenantId: T, conversationId: 'gone', pending: 0, failed: 0, unconfirmed: 0, sent: 0 },
        ],
      );
      for (const c of counts) for (const n of [c.pending, c.failed, c.unconfirmed, c.sent]) assert.equal(typeof n, 'number', 'counts are numbers, not bigint strings');
      await outbox.setStatus(second!.id, 'sent', NOW);
      await db.updateTable('notify_outbox').set({ status: 'sent' }).where('status', '=', 'pending').execute();
      assert.equal(await outbox.nextDueAt(), undefined);
    });

    it('cards, notify conversations, subscriptions and watermarks', async () => {
      const cards = new CardStore(db);
      const id = await cards.create({ tenantId: T, conversationId: 'c1', type: 'finding', groupKey: 'alert:123', zone: 3, openedAt: NOW }, NOW);
      assert.equal(typeof id, 'number');
      const later = await cards.create({ tenantId: T, conversationId: 'c1', type: 'storm', groupKey: 'alert:123', zone: 3, openedAt: at(5) }, NOW);
      assert.equal((await cards.latest(T, 'c1', 'alert:123'))!.id, later);
      assert.equal(await cards.addFinding(id, 'c1', { tenantId: T, key: 'alert:123' }, NOW), true);
      assert.equal(await cards.addFinding(id, 'c1', { tenantId: T, key: 'alert:123' }, NOW), false, 'on conflict do nothing');
      await cards.addFinding(later, 'c1', { tenantId: T, key: 'alert:123' }, at(6));
      await cards.setActivityId(id, 'activity-1', NOW);
      assert.deepEqual(await cards.byActivity(T, 'c1', 'activity-1'), { id, tenantId: T, conversationId: 'c1', type: 'finding', groupKey: 'alert:123', zone: 3, openedAt: NOW, activityId: 'activity-1' });
      assert.deepEqual(await cards.findingsOf(id), [{ tenantId: T, key: 'alert:123' }]);
      assert.deepEqual((await cards.cardsOf(T, 'alert:123')).map((c) => c.id).sort(), [id, later].sort());
      assert.deepEqual([...(await cards.recentCounts(at(-1)))], [['c1', 2]]);
      await cards.removeConversation(T, 'c1');
      assert.equal(await cards.get(id), undefined);

      const convs = new NotifyConversationStore(db);
      await convs.setUser(T, 'dm', { aadObjectId: 'aad-1', upn: 'priya@contoso.com' });
      assert.equal(await convs.claimDefaults(T, 'dm', NOW), true);
      assert.equal(await convs.claimDefaults(T, 'dm', NOW), false, 'install events repeat');
      await convs.markUnreachable(T, 'dm', '403 Forbidden', NOW);
      assert.deepEqual(await convs.list(), [
        { tenantId: T, conversationId: 'dm', userAadObjectId: 'aad-1', userUpn: 'priya@contoso.com', defaultsApplied: true, unreachable: { at: NOW.toISOString(), reason: '403 Forbidden' } },
      ]);
      await convs.clearUnreachable(T, 'dm');
      assert.equal((await convs.list())[0]!.unreachable, undefined);
      await convs.remove(T, 'dm');
      assert.deepEqual(await convs.list(), []);

      const subs = new SubscriptionStore(db);
      await subs.add({ tenantId: T, conversationId: 'ch', spec: { kinds: ['alert', 'attack_path'], zones: [2, 3], minSeverity: 'high' }, createdBy: 'priya' }, NOW);
      await subs.add({ tenantId: T, conversationId: 'ch', spec: { kinds: ['recommendation'], zones: [3], minSeverity: 'critical' }, createdBy: LONG_NAME }, NOW);
      const listed = await subs.list({ conversationId: 'ch' });
      assert.deepEqual(listed[0]!.spec, { kinds: ['alert', 'attack_path'], zones: [2, 3], minSeverity: 'high' });
      assert.equal(typeof listed[0]!.id, 'number');
      assert.ok(listed[1]!.id > listed[0]!.id, 'ids increase');
      assert.equal(listed[1]!.createdBy, LONG_NAME);
      assert.equal(await subs.remove([listed[0]!.id]), 1);
      assert.equal(await subs.removeConversation(T, 'ch'), 1);

      const marks = new WatermarkStore(db);
      assert.equal(await marks.get('alert'), undefined);
      await marks.set('alert', NOW, NOW);
      await marks.set('alert', at(1), at(1));
      assert.deepEqual(await marks.get('alert'), at(1));
      // Azure mode keys watermarks by kind and feed scope: every subscription id of the tenant.
      const scope = `recommendation@azure:${Array.from({ length: 12 }, (_, i) => `3f8c2a71-5d4e-4b9a-9c1e-7a2b6d0e4f${String(i).padStart(2, '0')}`).join(',')}`;
      await marks.set(scope, NOW, NOW);
      assert.deepEqual(await marks.get(scope), NOW);
    });

    it('triage states and the write-back queue', async () => {
      const states = new TriageStateStore(db);
      assert.deepEqual(await states.get(T, 'alert:123'), { status: 'open' });
      await db.transaction().execute((tx) => states.put(tx, T, 'alert:123', { status: 'claimed' }, NOW));
      await db.transaction().execute((tx) => states.put(tx, T, 'alert:123', { status: 'pending_acceptance' }, NOW));
      assert.deepEqual(await states.get(T, 'alert:123'), { status: 'pending_acceptance' });
      assert.deepEqual(await states.listActive(['pending_acceptance', 'snoozed']), [{ tenantId: T, findingKey: 'alert:123', state: { status: 'pending_acceptance' } }]);

      const queue = new WritebackQueue(db);
      const write = (state: 'Resolve' | 'Activate') => ({ type: 'alert_state' as const, alertId: 'a-1', state });
      const j1 = await db.transaction().execute((tx) => queue.enqueue(tx, { tenantId: T, findingKey: 'alert:123', registerSeq: 1, write: write('Resolve') }, NOW));
      await db.transaction().execute((tx) => queue.enqueue(tx, { tenantId: T, findingKey: 'alert:123', registerSeq: 2, write: write('Activate') }, NOW));
      assert.deepEqual((await queue.due(NOW)).map((j) => [j.id, j.registerSeq, j.attempts]), [[j1, 1, 0]], "a finding's writes apply in order");
      assert.deepEqual(await queue.status(T, 'alert:123'), { status: 'syncing' });
      await queue.failed(j1, 'HTTP 503', NOW, at(1));
      assert.deepEqual(await queue.due(NOW), [], 'retry not due yet');
      assert.deepEqual(await queue.status(T, 'alert:123'), { status: 'retrying', error: 'HTTP 503' });
      await queue.succeeded(j1, at(1));
      assert.deepEqual((await queue.due(at(1))).map((j) => j.registerSeq), [2]);
      assert.deepEqual((await queue.list(T, 'alert:123')).map((j) => [j.status, j.attempts, j.write.type]), [['done', 2, 'alert_state'], ['pending', 0, 'alert_state']]);
    });

    it('decision register: appends chain and verify walks pages', async () => {
      const register = new DecisionRegister(db);
      for (let i = 1; i <= 5; i++) await db.transaction().execute((tx) => register.append(tx, { ...entry(i), ...(i === 5 ? { actorName: LONG_NAME } : {}) }));
      assert.equal((await register.list()).at(-1)!.actorName, LONG_NAME);
      assert.deepEqual(await register.verify({ pageSize: 2 }), { ok: true, rows: 5, headSeq: 5, head: (await register.list()).at(-1)!.hash, anchors: 0, problems: [] });
      const listed = await register.list({ tenantId: T, from: at(2).toISOString(), to: at(4).toISOString() });
      assert.deepEqual(listed.map((e) => [e.seq, e.justification]), [[2, 'reason 2'], [3, null]]);
      assert.equal(listed[0]!.actorName, 'Person 2 «ü»');
      await sql`update decision_register set actor_name = 'someone else' where seq = 4`.execute(db);
      const tampered = await register.verify();
      assert.ok(!tampered.ok);
      assert.deepEqual(tampered.problems.map((p) => p.message), ['row 4 was modified (the content no longer matches the stored hash)']);
    });

    it('decision register: a second appender waits for the first one (the head row lock)', async () => {
      const register = new DecisionRegister(db);
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const first = db.transaction().execute(async (tx) => {
        const e = await register.append(tx, entry(1));
        await held; // commit only when told to
        return e;
      });
      await sleep(50);
      const second = db.transaction().execute((tx) => register.append(tx, entry(2)));
      assert.equal(await stillPending(second), true, 'the second append is blocked while the first is uncommitted');
      release();
      const [a, b] = await Promise.all([first, second]);
      assert.deepEqual([a.seq, b.seq], [1, 2]);
      assert.equal(b.prevHash, a.hash, 'the second entry chains to the committed first one');
      assert.equal((await register.verify()).ok, true);
    });

    it('decision register: 20 concurrent appends make one unbroken chain; a rolled-back append leaves no gap', async () => {
      const register = new DecisionRegister(db);
      const appended = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          db.transaction().execute(async (tx) => {
            await tx.selectFrom('findings').select('finding_key').execute(); // each transaction is open before it appends
            const e = await register.append(tx, entry(i + 1, `alert:${i % 3}`));
            await sleep(2); // holds the head lock a little while others queue on it
            return e;
          }),
        ),
      );
      assert.deepEqual(appended.map((e) => e.seq).sort((x, y) => x - y), Array.from({ length: 20 }, (_, i) => i + 1));
      assert.deepEqual(await register.verify({ pageSize: 7 }), { ok: true, rows: 20, headSeq: 20, head: (await register.list()).at(-1)!.hash, anchors: 0, problems: [] });

      await assert.rejects(
        db.transaction().execute(async (tx) => {
          await register.append(tx, entry(99));
          throw new Error('decision failed later in its transaction');
        }),
        /decision failed/,
      );
      const next = await db.transaction().execute((tx) => register.append(tx, entry(21)));
      assert.equal(next.seq, 21);
      assert.deepEqual({ ...(await register.verify()), head: '' }, { ok: true, rows: 21, headSeq: 21, head: '', anchors: 0, problems: [] });
    });

    it('processed activities: one record per invoke, even when two arrive together', async () => {
      const processed = new ProcessedActivities(db);
      const outcome = { ok: true, message: 'Claimed.' };
      await db.transaction().execute((tx) => processed.record(tx, T, 'invoke-1', 'alert:123', outcome, NOW));
      assert.deepEqual(await processed.get(T, 'invoke-1'), outcome);
      assert.equal(await processed.get('other-tenant', 'invoke-1'), undefined);
      await assert.rejects(db.transaction().execute((tx) => processed.record(tx, T, 'invoke-1', 'alert:123', outcome, NOW)), 'the primary key rejects a replay');

      const results = await Promise.allSettled(
        Array.from({ length: 5 }, (_, i) =>
          db.transaction().execute(async (tx) => {
            if (await processed.get(T, 'invoke-2', tx)) return 'replayed';
            await processed.record(tx, T, 'invoke-2', 'alert:123', { ok: true, message: `writer ${i}` }, NOW);
            await sleep(5);
            return 'recorded';
          }),
        ),
      );
      const recorded = results.filter((r) => r.status === 'fulfilled' && r.value === 'recorded');
      assert.equal(recorded.length, 1, `exactly one invoke is recorded: ${JSON.stringify(results.map((r) => r.status))}`);
      assert.equal((await db.selectFrom('processed_activities').select('activity_id').where('activity_id', '=', 'invoke-2').execute()).length, 1);
    });

    it('digest schedules: upsert, put-if-absent, enabled filter', async () => {
      const schedules = new DigestScheduleStore(db);
      const s = (conversationId: string, enabled = true): StoredDigestSchedule => ({
        tenantId: T,
        conversationId,
        kind: 'weekly',
        schedule: 'mon 09:00 Europe/Zurich',
        cron: '0 9 * * 1',
        timeZone: 'Europe/Zurich',
        enabled,
        source: 'chat',
        updatedBy: LONG_NAME,
        activeSince: NOW,
      });
      await schedules.put(s('c2'), NOW);
      await schedules.put(s('c1', false), NOW);
      assert.equal(await schedules.putIfAbsent({ ...s('c2'), source: 'config' }, NOW), false, 'configuration never overrides chat');
      assert.deepEqual(await schedules.get(T, 'c2', 'weekly'), s('c2'));
      assert.deepEqual((await schedules.list()).map((x) => [x.conversationId, x.enabled]), [['c1', false], ['c2', true]]);
      assert.deepEqual((await schedules.list({ enabledOnly: true })).map((x) => x.conversationId), ['c2']);
      await schedules.put(s('c1', true), at(1));
      assert.equal((await schedules.get(T, 'c1', 'weekly'))!.enabled, true);
    });

    it('digest runs: of ten racing claims for one period exactly one wins; release gives the period back', async () => {
      const runs = new DigestRunStore(db);
      const key: DigestRunKey = { tenantId: T, conversationId: 'c1', kind: 'weekly', periodKey: '2026-W45' };
      const claims = await Promise.all(Array.from({ length: 10 }, () => runs.claim(key, NOW)));
      assert.equal(claims.filter(Boolean).length, 1);
      assert.equal(await runs.claim(key, at(1)), false);
      await runs.markSent(key, 'activity-7', at(2));
      assert.deepEqual(await runs.list({ conversationId: 'c1' }), [{ ...key, status: 'sent', activityId: 'activity-7', claimedAt: NOW, sentAt: at(2) }]);
      const other = { ...key, periodKey: '2026-W46' };
      assert.equal(await runs.claim(other, at(3)), true);
      await runs.release(other);
      assert.equal(await runs.claim(other, at(4)), true, 'a failed send can be retried');
    });
  });
});

/** Resolves once `ready()` is true (polls; the writers of one test run in the same process). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await sleep(5);
}
