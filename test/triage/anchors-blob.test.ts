import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainerClient, RestError } from '@azure/storage-blob';
import { startBot, type RunningBot } from '../../src/bot';
import { parseConfig } from '../../src/config';
import { BlobAnchorStore } from '../../src/data/anchors';
import { anchorBlobName, storagePipeline } from '../../src/data/anchors/blob';
import { setLogLevel } from '../../src/log';
import { openDatabase, type Db } from '../../src/store/database';
import { DecisionRegister } from '../../src/store/register';
import { RegisterAnchoring } from '../../src/triage/anchoring';
import { Azurite, storageCredential } from '../support/azurite';
import { rechain, registerEntry } from './register-support';

const entry = (i: number) => registerEntry(i, { zone: 3, verb: 'claim', justification: null, after: { status: 'claimed' } });

const HASH = 'ab'.repeat(32);

describe('register anchors in an Azure Blob container (Azurite over HTTPS, bearer tokens)', function () {
  this.timeout(30_000);
  const azurite = new Azurite();
  const clock = { now: () => new Date('2025-06-16T14:00:00.000Z') };
  let db: Db;
  let n = 0;

  /** A container made as an admin would (the bot never creates one), and the bot's store on it. */
  const container = async () => {
    const url = azurite.containerUrl(`anchors${++n}`);
    const options = { tlsOptions: { ca: azurite.ca }, retryOptions: { maxRetries: 0 } };
    const admin = new ContainerClient(url, storagePipeline(storageCredential(), options));
    const store = new BlobAnchorStore(url, storageCredential(), options);
    await admin.create();
    return { url, admin, store };
  };

  before(async () => {
    setLogLevel('silent');
    await azurite.start();
    db = await openDatabase({ kind: 'sqlite', path: ':memory:' });
  });
  after(async () => {
    await db?.destroy();
    await azurite.stop();
  });

  it('writes each anchor once: a second write of the same anchor is refused by the service (409), never overwritten', async () => {
    const { admin, store } = await container();
    const anchor = { seq: 7, hash: HASH, at: '2025-06-16T14:00:00.000Z' };
    assert.deepEqual(await store.append(anchor), { id: `anchors/000000000007-${HASH}.json`, created: true });
    assert.deepEqual(await store.append({ ...anchor, at: '2025-06-17T00:00:00.000Z' }), { id: anchorBlobName(anchor), created: false });
    const blob = admin.getBlockBlobClient(anchorBlobName(anchor));
    await assert.rejects(blob.upload('{"seq":7,"hash":"forged"}', 25, { conditions: { ifNoneMatch: '*' } }), (err: RestError) => err.statusCode === 409 && err.code === 'BlobAlreadyExists');
    assert.deepEqual(JSON.parse((await blob.downloadToBuffer()).toString('utf8')), anchor, 'the first write stands');
    assert.equal((await blob.getProperties()).contentType, 'application/json');
  });

  it('lists anchors from the blob names with the service’s creation time, and reports foreign blobs', async () => {
    const { admin, store } = await container();
    await store.append({ seq: 3, hash: HASH, at: '2025-06-16T14:00:00.000Z' });
    await admin.getBlockBlobClient('anchors/notes.txt').upload('hello', 5);
    const { anchors, unreadable } = await store.list();
    assert.deepEqual(anchors.map((a) => [a.id, a.seq, a.hash]), [[anchorBlobName({ seq: 3, hash: HASH }), 3, HASH]]);
    assert.ok(Math.abs(Date.parse(anchors[0]!.at) - Date.now()) < 60_000, 'the creation time is the service’s, not the bot’s clock');
    assert.deepEqual(unreadable, [`blob anchors/notes.txt in Azure Blob container ${admin.url} is not an anchor`]);
  });

  it('warns that a container without an immutability policy protects nothing (Azurite has no such policies)', async () => {
    const { store, url } = await container();
    assert.deepEqual(await store.warnings(), [`Azure Blob container ${url} has no immutability policy: anyone with write access can change or delete its anchors (docs/register-anchors.md)`]);
  });

  it('says what to do when the container does not exist (the bot never creates it)', async () => {
    const store = new BlobAnchorStore(azurite.containerUrl('missing'), storageCredential(), { tlsOptions: { ca: azurite.ca }, retryOptions: { maxRetries: 0 } });
    await assert.rejects(store.append({ seq: 1, hash: HASH, at: '2025-06-16T14:00:00.000Z' }), /Azure Blob container .*\/missing does not exist: create it with a time-based retention policy/);
  });

  it('detects a re-chained register and names the blob anchor it contradicts', async () => {
    const { store } = await container();
    const register = new DecisionRegister(db);
    for (let i = 1; i <= 4; i++) await db.transaction().execute((tx) => register.append(tx, entry(i)));
    const anchoring = new RegisterAnchoring({ register, store, clock });
    const outcome = await anchoring.anchor();
    assert.equal(outcome.status, 'anchored');
    assert.deepEqual(outcome.warnings.length, 1, 'the missing immutability policy is reported on every anchoring');
    await rechain(db, (row) => (row.seq === 3 ? { verb: 'dismiss' } : {}));
    const result = await anchoring.verify();
    assert.equal(result.ok, false);
    assert.match(result.problems[0]!.message, new RegExp(`^row 4 has hash [0-9a-f]{16}… but anchor ${anchorBlobName({ seq: 4, hash: (outcome as { anchor: { hash: string } }).anchor.hash })} \\(written [^)]+\\) in Azure Blob container .*: the register was rewritten after that anchor$`));
  });

  describe('the running bot', () => {
    let bot: RunningBot | undefined;
    after(() => bot?.stop());

    it('anchors the head on its schedule (REGISTER_ANCHOR_MINUTES) to REGISTER_ANCHOR_BLOB_URL', async () => {
      const { url, store } = await container();
      const sqlite = join(mkdtempSync(join(tmpdir(), 'anchor-bot-')), 'bot.sqlite');
      const seeded = await openDatabase({ kind: 'sqlite', path: sqlite });
      const register = new DecisionRegister(seeded);
      for (let i = 1; i <= 2; i++) await seeded.transaction().execute((tx) => register.append(tx, entry(i)));
      const config = parseConfig({ PORT: '0', SQLITE_PATH: sqlite, LOG_LEVEL: 'silent', REGISTER_ANCHOR_BLOB_URL: url, REGISTER_ANCHOR_MINUTES: '0.005' }, join(__dirname, '..', '..'));
      bot = await startBot(config, clock, { azure: { credential: storageCredential(), clientOptions: { tlsOptions: { ca: azurite.ca } } } });
      const waitFor = async (seq: number) => {
        for (let i = 0; i < 100; i++) {
          const { anchors } = await store.list();
          if (anchors.some((a) => a.seq === seq)) return anchors;
          await new Promise((r) => setTimeout(r, 100));
        }
        assert.fail(`row ${seq} was not anchored`);
      };
      await waitFor(2);
      await seeded.transaction().execute((tx) => register.append(tx, entry(3)));
      const anchors = await waitFor(3);
      assert.deepEqual(anchors.map((a) => a.seq), [2, 3], 'one anchor per new head, none while it is unchanged');
      await seeded.destroy();
    });
  });
});
