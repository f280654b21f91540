import assert from 'node:assert/strict';
import type { Finding } from '../../src/domain/finding';
import type { Db } from '../../src/store/database';
import { FindingStore } from '../../src/store/findings';
import { describeEachDatabase } from '../support/databases';

const finding = (version = 1): Finding => ({
  key: 'alert:123',
  kind: 'alert',
  tenantId: 'tenant-a',
  title: 'Access from a Tor IP',
  severity: 'high',
  resource: { id: '/subscriptions/s/rg/x', name: 'oai-x', kind: 'Azure OpenAI', zone: 3, zoneKnown: true, owner: 'a@contoso.com' },
  status: 'active',
  firstSeen: new Date('2026-11-01T10:00:00Z'),
  lastSeen: new Date('2026-11-01T10:05:00Z'),
  details: { alertType: 'AI.Azure_AccessFromAnonymizedIP', tactics: ['Execution'] },
  version,
});

describeEachDatabase('finding store', (t) => {
  let db: Db;
  let store: FindingStore;
  beforeEach(async () => {
    db = await t.open();
    store = new FindingStore(db);
  });

  it('round-trips a finding with dates, resource and details', async () => {
    await store.put(finding(), new Date());
    assert.deepEqual(await store.get('tenant-a', 'alert:123'), finding());
    assert.equal(await store.get('tenant-b', 'alert:123'), undefined, 'findings are per tenant');
  });

  it('lets exactly one of two writers with the same expected version win', async () => {
    await store.put(finding(1), new Date());
    const first = await store.replaceIfVersion({ ...finding(2), title: 'first' }, 1, new Date());
    const second = await store.replaceIfVersion({ ...finding(2), title: 'second' }, 1, new Date());
    assert.deepEqual([first, second], [true, false]);
    assert.equal((await store.get('tenant-a', 'alert:123'))!.title, 'first');
  });

  it('filters by kind, zone and status', async () => {
    await store.put(finding(), new Date());
    await store.put({ ...finding(), key: 'alert:456', status: 'resolved', resource: { ...finding().resource, zone: 1 } }, new Date());
    assert.deepEqual((await store.list({ zone: 3 })).map((f) => f.key), ['alert:123']);
    assert.deepEqual((await store.list({ status: 'resolved' })).map((f) => f.key), ['alert:456']);
    assert.equal((await store.list({ kind: 'recommendation' })).length, 0);
  });
});
