import assert from 'node:assert/strict';
import { ConversationStore } from '../../src/store/conversations';
import { openDatabase } from '../../src/store/database';
import { describeEachDatabase, type StoreConfig } from '../support/databases';

const conv = (id: string, type = 'personal') => ({
  tenantId: 'tenant-a',
  conversationId: id,
  conversationType: type,
  reference: { conversation: { id }, serviceUrl: 'http://localhost/_connector' },
});

describeEachDatabase('conversation store', (t) => {
  let store: StoreConfig;
  before(async () => {
    store = await t.create();
  });

  it('saves, updates idempotently, lists and removes conversation references', async () => {
    const db = await openDatabase(store);
    const conversations = new ConversationStore(db);
    await conversations.save(conv('a'), new Date('2026-11-01T00:00:00Z'));
    await conversations.save(conv('b', 'channel'), new Date('2026-11-02T00:00:00Z'));
    await conversations.save({ ...conv('a'), conversationType: 'groupChat' }, new Date('2026-11-03T00:00:00Z'));
    const listed = await conversations.list();
    assert.deepEqual(listed.map((c) => [c.conversationId, c.conversationType]), [['a', 'groupChat'], ['b', 'channel']]);
    assert.deepEqual(listed[0]!.reference, conv('a').reference);
    assert.equal(await conversations.remove('tenant-a', 'b'), true);
    assert.equal(await conversations.remove('tenant-a', 'b'), false);
    assert.equal(await conversations.remove('other-tenant', 'a'), false, 'keys include the tenant');
    await conversations.ping();
    await db.destroy();
  });

  it('keeps data across restarts and re-running migrations changes nothing', async () => {
    const db = await openDatabase(store);
    assert.deepEqual((await new ConversationStore(db).list()).map((c) => c.conversationId), ['a']);
    await db.destroy();
  });

  it('finds one conversation by id, within a tenant when given', async () => {
    const db = await openDatabase(store);
    const conversations = new ConversationStore(db);
    assert.equal((await conversations.get('a'))?.conversationType, 'groupChat');
    assert.deepEqual((await conversations.get('a', 'tenant-a'))?.reference, conv('a').reference);
    assert.equal(await conversations.get('a', 'other-tenant'), undefined);
    assert.equal(await conversations.get('nope'), undefined);
    await db.destroy();
  });
});
