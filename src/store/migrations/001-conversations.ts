import type { Kysely } from 'kysely';

// Migrations use only the schema builder's portable types so the same code runs on SQLite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conversations')
    .addColumn('tenant_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('conversation_id', 'varchar(400)', (c) => c.notNull())
    .addColumn('conversation_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('reference_json', 'text', (c) => c.notNull())
    .addColumn('installed_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversations_pk', ['tenant_id', 'conversation_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('conversations').execute();
}
