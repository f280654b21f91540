import type { Db } from './database';
import type { ConversationsTable } from './schema';

export interface SavedConversation {
  tenantId: string;
  conversationId: string;
  conversationType: string;
  reference: Record<string, unknown>;
}

/** Conversation references of every chat, group chat and channel the bot is installed in. */
export class ConversationStore {
  constructor(private readonly db: Db) {}

  /** Idempotent: the Playground re-sends install events on every page load. */
  async save(conv: SavedConversation, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.db
      .insertInto('conversations')
      .values({
        tenant_id: conv.tenantId,
        conversation_id: conv.conversationId,
        conversation_type: conv.conversationType,
        reference_json: JSON.stringify(conv.reference),
        installed_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'conversation_id']).doUpdateSet({
          conversation_type: conv.conversationType,
          reference_json: JSON.stringify(conv.reference),
          updated_at: at,
        }),
      )
      .execute();
  }

  async remove(tenantId: string, conversationId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('conversations')
      .where('tenant_id', '=', tenantId)
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async list(): Promise<SavedConversation[]> {
    const rows = await this.db.selectFrom('conversations').selectAll().orderBy('installed_at').execute();
    return rows.map(fromRow);
  }

  /** One conversation by id (in `tenantId` when given: ids are unique per tenant). */
  async get(conversationId: string, tenantId?: string): Promise<SavedConversation | undefined> {
    let q = this.db.selectFrom('conversations').selectAll().where('conversation_id', '=', conversationId);
    if (tenantId) q = q.where('tenant_id', '=', tenantId);
    const row = await q.orderBy('installed_at').executeTakeFirst();
    return row && fromRow(row);
  }

  /** A cheap round trip for the health endpoint. */
  async ping(): Promise<void> {
    await this.db.selectFrom('conversations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  }
}

function fromRow(r: ConversationsTable): SavedConversation {
  return {
    tenantId: r.tenant_id,
    conversationId: r.conversation_id,
    conversationType: r.conversation_type,
    reference: JSON.parse(r.reference_json) as Record<string, unknown>,
  };
}
