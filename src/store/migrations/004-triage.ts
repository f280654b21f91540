import type { Kysely } from 'kysely';
import { GENESIS_HASH } from '../../domain/triage/register';

// Triage: state per finding, the hash-chained decision register, the write-back job queue, processed invokes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('triage_states')
    .addColumn('tenant_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('finding_key', 'varchar(600)', (c) => c.notNull())
    .addColumn('status', 'varchar(30)', (c) => c.notNull())
    .addColumn('state_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('triage_states_pk', ['tenant_id', 'finding_key'])
    .execute();
  await db.schema.createIndex('triage_states_status').on('triage_states').columns(['status']).execute();

  await db.schema
    .createTable('decision_register')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('finding_key', 'varchar(600)', (c) => c.notNull())
    .addColumn('zone', 'integer', (c) => c.notNull())
    .addColumn('verb', 'varchar(40)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('actor_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('role', 'varchar(40)', (c) => c.notNull())
    .addColumn('justification', 'text')
    .addColumn('before_json', 'text', (c) => c.notNull())
    .addColumn('after_json', 'text', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decision_register_at').on('decision_register').columns(['at']).execute();

  // One row holding the chain's tip: appends lock it (UPDATE), so concurrent writers cannot fork the chain,
  // and deleting the newest register rows is detectable.
  await db.schema
    .createTable('decision_register_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await (db as Kysely<{ decision_register_head: { id: number; seq: number; hash: string } }>)
    .insertInto('decision_register_head')
    .values({ id: 1, seq: 0, hash: GENESIS_HASH })
    .execute();

  await db.schema
    .createTable('writeback_jobs')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('finding_key', 'varchar(600)', (c) => c.notNull())
    .addColumn('register_seq', 'integer', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('writeback_jobs_due').on('writeback_jobs').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('writeback_jobs_finding').on('writeback_jobs').columns(['tenant_id', 'finding_key']).execute();

  await db.schema
    .createTable('processed_activities')
    .addColumn('tenant_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('activity_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('finding_key', 'varchar(600)', (c) => c.notNull())
    .addColumn('outcome_json', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('processed_activities_pk', ['tenant_id', 'activity_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['processed_activities', 'writeback_jobs', 'decision_register_head', 'decision_register', 'triage_states']) await db.schema.dropTable(t).execute();
}
