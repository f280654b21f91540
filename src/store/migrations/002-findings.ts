import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('findings')
    .addColumn('tenant_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('finding_key', 'varchar(600)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('severity', 'varchar(10)', (c) => c.notNull())
    .addColumn('zone', 'integer', (c) => c.notNull())
    .addColumn('resource_id', 'varchar(600)', (c) => c.notNull())
    .addColumn('resource_json', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('first_seen', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_seen', 'varchar(30)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('findings_pk', ['tenant_id', 'finding_key'])
    .execute();
  await db.schema.createIndex('findings_zone_status').on('findings').columns(['zone', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('findings').execute();
}
