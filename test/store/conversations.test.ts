import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationStore } from '../../src/store/conversations';
import { openDatabase } from '../../src/store/database';

const conv = (id: string, type = 'personal') => ({
  tenantId: 'tenant-a',
  conversationId: id,
  conversationType: type,
  reference: { conversation: { id }, serviceUrl: 'http://localhost/_connector' },
});

describe('conversation store (SQLite file)', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'bot.sqlite');

  it('saves, updates idempotently, lists and removes conversation references', async () => {
    const db = await openDatabase({ kind: 'sqlite', path });
    const store = new ConversationStore(db);
    await store.save(conv('a'), new Date('2026-11-01T00:00:00Z'));
    await store.save(conv('b', 'channel'), new Date('2026-11-02T00:00:00Z'));
    await store.save({ ...conv('a'), conversationType: 'groupChat' }, new Date('2026-11-03T00:00:00Z'));
    const listed = await store.list();
    assert.deepEqual(listed.map((c) => [c.conversationId, c.conversationType]), [['a', 'groupChat'], ['b', 'channel']]);
    assert.deepEqual(listed[0]!.reference, conv('a').reference);
    assert.equal(await store.remove('tenant-a', 'b'), true);
    assert.equal(await store.remove('tenant-a', 'b'), false);
    assert.equal(await store.remove('other-tenant', 'a'), false, 'keys include the tenant');
    await db.destroy();
  });

  it('keeps data across restarts and re-running migrations changes nothing', async () => {
    const db = await openDatabase({ kind: 'sqlite', path });
    assert.deepEqual((await new ConversationStore(db).list()).map((c) => c.conversationId), ['a']);
    await db.destroy();
  });
});
