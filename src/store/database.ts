import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool, type PoolConfig } from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import type { Config } from '../config';
import type { Clock } from '../domain/ports';
import { log } from '../log';
import { entraPassword, type TokenSource } from './entra-token';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/** With `store.entra`: the bot identity that signs in to PostgreSQL (and a clock for token expiry, in tests). */
export interface OpenOptions {
  credential?: TokenSource;
  clock?: Clock;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(store: Config['store'], options: OpenOptions = {}): Promise<Db> {
  const db = new Kysely<Database>({ dialect: createDialect(store, options) });
  await migrate(db);
  return db;
}

function createDialect(store: Config['store'], options: OpenOptions) {
  if (store.kind === 'postgres') {
    if (store.entra && !options.credential) throw new Error('DATABASE_AUTH=entra needs the bot identity (a token credential) to sign in to PostgreSQL');
    // Entra: no password exists; every new connection signs in with a current access token as its password.
    // (pg would let the URL's empty password replace the function, so the URL is parsed here instead.)
    const connection: PoolConfig = store.entra ? { ...parseIntoClientConfig(store.url), password: entraPassword(options.credential!, store.entra.scope, options.clock) } : { connectionString: store.url };
    const pool = new Pool({ ...connection, max: 10 });
    // An idle pooled connection that the server closes (failover, restart, idle timeout) emits 'error' on the
    // pool; unhandled, it would crash the process. The pool drops that connection and opens a new one on demand.
    pool.on('error', (err) => log().warn({ err: err.message }, 'PostgreSQL closed an idle connection; it will be reopened'));
    return new PostgresDialect({ pool });
  }
  if (store.path !== ':memory:') mkdirSync(dirname(store.path), { recursive: true });
  const sqlite = new SQLite(store.path);
  // WAL lets readers proceed while the outbox writer commits; busy_timeout avoids spurious SQLITE_BUSY.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: sqlite });
}

export async function migrate(db: Db): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String((error as Error)?.message ?? error)}`);
  }
}
