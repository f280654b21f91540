import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Notification pipeline tables: watermarks per finding kind, channel subscriptions, what the bot knows about
 * each conversation (its user for DMs, reachability), the cards it posted (one per finding group and
 * conversation, with the Teams activity id) and the durable outbox of posts/updates still to send.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Portable auto-increment ids: PostgreSQL needs serial, SQLite an INTEGER PRIMARY KEY AUTOINCREMENT.
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    postgres ? t.addColumn('id', 'serial', (c) => c.primaryKey()) : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await db.schema
    .createTable('notify_watermarks')
    .addColumn('kind', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('watermark', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('notify_subscriptions'))
    .addColumn('tenant_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('conversation_id', 'varchar(400)', (c) => c.notNull())
    .addColumn('kinds', 'varchar(100)', (c) => c.notNull())
    .addColumn('zones', 'varchar(20)', (c) => c.notNull())
    .addColumn('min_severity', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notify_subscriptions_conv').on('notify_subscriptions').columns(['tenant_id', 'conversation_id']).execute();

  await db.schema
    .createTable('notify_conversations')
    .addColumn('tenant_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('conversation_id', 'varchar(400)', (c) => c.notNull())
    .addColumn('user_aad_object_id', 'varchar(100)')
    .addColumn('user_upn', 'varchar(320)')
    .addColumn('defaults_applied_at', 'varchar(30)')
    .addColumn('unreachable_at', 'varchar(30)')
    .addColumn('unreachable_reason', 'text')
    .addPrimaryKeyConstraint('notify_conversations_pk', ['tenant_id', 'conversation_id'])
    .execute();

  await id(db.schema.createTable('notify_cards'))
    .addColumn('tenant_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('conversation_id', 'varchar(400)', (c) => c.notNull())
    .addColumn('card_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('group_key', 'varchar(800)', (c) => c.notNull())
    .addColumn('zone', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('activity_id', 'varchar(200)')
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('notify_cards_group', ['tenant_id', 'conversation_id', 'group_key', 'opened_at'])
    .execute();

  await db.schema
    .createTable('notify_card_findings')
    .addColumn('card_id', 'integer', (c) => c.notNull())
    .addColumn('finding_tenant_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('finding_key', 'varchar(600)', (c) => c.notNull())
    .addColumn('conversation_id', 'varchar(400)', (c) => c.notNull())
    .addColumn('added_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('notify_card_findings_pk', ['card_id', 'finding_tenant_id', 'finding_key'])
    .execute();
  await db.schema.createIndex('notify_card_findings_finding').on('notify_card_findings').columns(['finding_tenant_id', 'finding_key']).execute();
  await db.schema.createIndex('notify_card_findings_recent').on('notify_card_findings').columns(['conversation_id', 'added_at']).execute();

  await id(db.schema.createTable('notify_outbox'))
    .addColumn('tenant_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('conversation_id', 'varchar(400)', (c) => c.notNull())
    .addColumn('card_id', 'integer', (c) => c.notNull())
    .addColumn('op', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(15)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notify_outbox_status').on('notify_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('notify_outbox_card').on('notify_outbox').columns(['card_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['notify_outbox', 'notify_card_findings', 'notify_cards', 'notify_conversations', 'notify_subscriptions', 'notify_watermarks']) {
    await db.schema.dropTable(t).execute();
  }
}
