import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Columns holding text the bot does not control get an unbounded type. PostgreSQL enforces varchar(n) (SQLite
 * does not), and these overflowed there: the watermark key includes the feed scope (every subscription id in
 * Azure mode; 40 characters were too few even for the simulated tenant), and Entra display names reach 256
 * characters. SQLite ignores declared lengths, so there is nothing to change on it.
 */
const WIDEN: [table: string, column: string][] = [
  ['notify_watermarks', 'kind'],
  ['notify_subscriptions', 'created_by'],
  ['decision_register', 'actor_name'],
  ['digest_schedules', 'updated_by'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [table, column] of WIDEN) await db.schema.alterTable(table).alterColumn(column, (c) => c.setDataType('text')).execute();
}

export async function down(): Promise<void> {
  // Narrowing could fail on stored values; the wider type is harmless.
}
