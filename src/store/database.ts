import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool } from 'pg';
import type { Config } from '../config';
import { log } from '../log';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(store: Config['store']): Promise<Db> {
  const db = new Kysely<Database>({ dialect: createDialect(store) });
  await migrate(db);
  return db;
}

function createDialect(store: Config['store']) {
  if (store.kind === 'postgres') {
    const pool = new Pool({ connectionString: store.url, max: 10 });
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
