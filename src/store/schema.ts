/** Kysely table types: the store's tables as the code sees them. */
export interface ConversationsTable {
  tenant_id: string;
  conversation_id: string;
  conversation_type: string;
  /** The Bot Framework ConversationReference as JSON, used to post proactively. */
  reference_json: string;
  installed_at: string;
  updated_at: string;
}

export interface Database {
  conversations: ConversationsTable;
}
