import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Config } from '../../src/config';
import { openDatabase, type Db } from '../../src/store/database';

/**
 * The databases the store runs on. SQLite (a temp file) is always tested; PostgreSQL when TEST_DATABASE_URL
 * names a server and a role that may create databases (e.g. postgres://posture_test:pw@127.0.0.1:5432/postgres).
 * `.ci/run` starts one. Without it, PostgreSQL suites are skipped with a visible reason, except in CI
 * (CI=true), where they fail: CI must never silently test SQLite only.
 */
export type DialectName = 'sqlite' | 'postgres';
export type StoreConfig = Config['store'];

export interface TestDatabases {
  readonly dialect: DialectName;
  /** A fresh, empty database (not migrated); dropped after the suite. */
  create(): Promise<StoreConfig>;
  /** A fresh database, migrated and opened; destroyed and dropped after the suite. */
  open(): Promise<Db>;
  /** Environment for `startTestBot` pointing at a fresh database. */
  botEnv(): Promise<Record<string, string>>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/** Why PostgreSQL is not tested here, or undefined when it is. */
export function postgresSkipReason(): string | undefined {
  return TEST_DATABASE_URL ? undefined : 'TEST_DATABASE_URL is not set (see README "Databases")';
}

/** Defines `describe(`${title} [sqlite]`)` and `describe(`${title} [postgres]`)` with the same body. */
export function describeEachDatabase(title: string, body: (t: TestDatabases) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) describeDatabase(dialect, title, body);
}

/** One dialect's suite; PostgreSQL is skipped (or, in CI, failed) without TEST_DATABASE_URL. */
export function describeDatabase(dialect: DialectName, title: string, body: (t: TestDatabases) => void): void {
  const name = `${title} [${dialect}]`;
  const reason = dialect === 'postgres' ? postgresSkipReason() : undefined;
  if (reason) {
    describe(name, () => {
      if (IN_CI) it(`has a PostgreSQL server (CI=true: ${reason})`, () => assert.fail(`PostgreSQL tests cannot be skipped in CI: ${reason}`));
      // A pending test without a body: mocha lists its title, so the skip and its reason are visible.
      else it(`SKIPPED on PostgreSQL: ${reason}`);
    });
    return;
  }
  describe(name, function () {
    const t = new Databases(dialect);
    this.afterAll(() => t.cleanUp());
    body(t);
  });
}

class Databases implements TestDatabases {
  private readonly opened: Db[] = [];
  private readonly pgNames: string[] = [];
  private readonly dirs: string[] = [];

  constructor(readonly dialect: DialectName) {}

  async create(): Promise<StoreConfig> {
    if (this.dialect === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'store-'));
      this.dirs.push(dir);
      return { kind: 'sqlite', path: join(dir, 'bot.sqlite') };
    }
    const name = `apb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin(async (c) => c.query(`CREATE DATABASE ${name}`));
    this.pgNames.push(name);
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    return { kind: 'postgres', url: url.toString() };
  }

  async open(): Promise<Db> {
    const db = await openDatabase(await this.create());
    this.opened.push(db);
    return db;
  }

  async botEnv(): Promise<Record<string, string>> {
    const store = await this.create();
    return store.kind === 'postgres' ? { STORE: 'postgres', DATABASE_URL: store.url } : { STORE: 'sqlite', SQLITE_PATH: store.path };
  }

  async cleanUp(): Promise<void> {
    await Promise.allSettled(this.opened.splice(0).map((db) => db.destroy()));
    const names = this.pgNames.splice(0);
    if (names.length > 0) {
      await admin(async (c) => {
        for (const n of names) await dropDatabase(c, n);
      });
    }
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A plain DROP stops autovacuum workers on the database itself, which WITH (FORCE) may not do without superuser
 * rights; so wait briefly for our own closing connections to go, and only then force.
 */
async function dropDatabase(c: Client, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name}${attempt >= 20 ? ' WITH (FORCE)' : ''}`);
      return;
    } catch (err) {
      if (attempt >= 20 || !/being accessed by other users/.test(String((err as Error).message))) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Runs `fn` on a short-lived connection to TEST_DATABASE_URL's own database (the admin connection). */
async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
