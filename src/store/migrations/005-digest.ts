import type { Kysely } from 'kysely';

/** Digest schedules per conversation, and one row per scheduled send (the exactly-once record). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('digest_schedules')
    .addColumn('tenant_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('conversation_id', 'varchar(400)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('schedule', 'varchar(100)', (c) => c.notNull())
    .addColumn('cron', 'varchar(100)', (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('active_since', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('digest_schedules_pk', ['tenant_id', 'conversation_id', 'kind'])
    .execute();
  await db.schema
    .createTable('digest_runs')
    .addColumn('tenant_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('conversation_id', 'varchar(400)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('period_key', 'varchar(80)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('activity_id', 'varchar(200)')
    .addColumn('claimed_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(30)')
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('digest_runs_pk', ['tenant_id', 'conversation_id', 'kind', 'period_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('digest_runs').execute();
  await db.schema.dropTable('digest_schedules').execute();
}
