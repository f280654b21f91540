import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { Client } from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { openDatabase } from '../../src/store/database';
import { entraPassword, REFRESH_MARGIN_MS } from '../../src/store/entra-token';
import { describeDatabase, TEST_DATABASE_URL } from '../support/databases';

const SCOPE = 'https://ossrdbms-aad.database.windows.net/.default';
const HOUR = 3_600_000;

/**
 * DATABASE_AUTH=entra against the local PostgreSQL: a scratch role stands in for the bot's managed identity and its
 * password stands in for the Entra access token. Rotating the password is the token expiring: connections opened
 * after it need the new token, which the bot fetches when the old one is within REFRESH_MARGIN_MS of expiry.
 */
describeDatabase('postgres', 'PostgreSQL sign-in with an Entra access token (a rotated password stands in for the token)', (t) => {
  const role = `apb_identity_${randomBytes(4).toString('hex')}`;
  let url: URL;
  let now = Date.parse('2025-06-16T14:00:00Z');
  const clock = { now: () => new Date(now) };
  /** The identity's token endpoint: hands out the current token, valid for an hour from now. */
  const identity = { token: 'token-1', calls: [] as string[] };
  const credential = {
    getToken: async (scope: string) => {
      identity.calls.push(scope);
      return { token: identity.token, expiresOnTimestamp: now + HOUR };
    },
  };
  const adminUrl = (db: string) => {
    const u = new URL(TEST_DATABASE_URL!);
    u.pathname = `/${db}`;
    return u.toString();
  };
  const rotate = async (token: string) => {
    const c = new Client({ connectionString: adminUrl('postgres') });
    await c.connect();
    await c.query(`ALTER ROLE ${role} PASSWORD '${token}'`);
    await c.end();
    identity.token = token;
  };
  const connectAs = async (password: () => Promise<string>) => {
    const c = new Client({ ...parseIntoClientConfig(url.toString()), password });
    await c.connect();
    const { rows } = await c.query('SELECT current_user AS who');
    await c.end();
    return rows[0].who as string;
  };

  before(async () => {
    const store = await t.create();
    url = new URL(store.kind === 'postgres' ? store.url : '');
    const database = url.pathname.slice(1);
    const c = new Client({ connectionString: adminUrl('postgres') });
    await c.connect();
    await c.query(`CREATE ROLE ${role} LOGIN PASSWORD 'token-1'`);
    await c.query(`GRANT CONNECT, CREATE ON DATABASE ${database} TO ${role}`);
    await c.end();
    const d = new Client({ connectionString: adminUrl(database) });
    await d.connect();
    await d.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${role}`);
    await d.end();
    // The URL names the role and carries no password, as DATABASE_URL does with DATABASE_AUTH=entra.
    url.username = role;
    url.password = '';
  });
  after(async () => {
    // The suite's database (owning the role's tables) is dropped first; then the role can go.
    const c = new Client({ connectionString: adminUrl('postgres') });
    await c.connect();
    await c.query(`DROP ROLE IF EXISTS ${role}`);
    await c.end();
  });

  it('signs in with the token, reuses it until shortly before it expires, then fetches the next one', async () => {
    const password = entraPassword(credential, SCOPE, clock);
    assert.equal(await connectAs(password), role);
    assert.deepEqual(identity.calls, [SCOPE]);

    await rotate('token-2');
    now += HOUR - REFRESH_MARGIN_MS - 60_000; // token-1 still has more than the margin left: it is reused
    await assert.rejects(connectAs(password), /password authentication failed/, 'the cached token-1 no longer opens connections');
    assert.equal(identity.calls.length, 1);

    now += 2 * 60_000; // now within the margin of token-1's expiry
    assert.equal(await connectAs(password), role, 'the new token opens connections');
    assert.equal(identity.calls.length, 2);
  });

  it('the store opens, migrates and keeps opening connections across a rotation, with no password configured', async () => {
    identity.calls.length = 0;
    const db = await openDatabase({ kind: 'postgres', url: url.toString(), entra: { scope: SCOPE } }, { credential, clock });
    try {
      const who = await sql<{ who: string }>`SELECT current_user AS who`.execute(db);
      assert.equal(who.rows[0]!.who, role);
      await rotate('token-3');
      now += HOUR - REFRESH_MARGIN_MS + 1;
      // Busy enough that the pool opens new connections: they sign in with token-3.
      const busy = await Promise.all(Array.from({ length: 4 }, () => sql<{ ok: number }>`SELECT 1 AS ok FROM pg_sleep(0.2)`.execute(db)));
      assert.equal(busy.length, 4);
      assert.deepEqual(identity.calls, [SCOPE, SCOPE]);
      assert.ok((await db.selectFrom('decision_register_head').select('seq').execute()).length === 1, 'migrated as the identity');
    } finally {
      await db.destroy();
    }
  });

  it('refuses to open without a credential rather than sign in with no password', async () => {
    await assert.rejects(openDatabase({ kind: 'postgres', url: url.toString(), entra: { scope: SCOPE } }), /DATABASE_AUTH=entra needs the bot identity/);
  });
});
