import type { Executor } from './executor';

export type CardType = 'finding' | 'storm';

export interface PostedCard {
  id: number;
  tenantId: string;
  conversationId: string;
  type: CardType;
  groupKey: string;
  zone: number;
  openedAt: Date;
  activityId?: string;
}

type CardRow = { id: number; tenant_id: string; conversation_id: string; card_type: string; group_key: string; zone: number; opened_at: string; activity_id: string | null };

function fromRow(r: CardRow): PostedCard {
  return {
    id: Number(r.id),
    tenantId: r.tenant_id,
    conversationId: r.conversation_id,
    type: r.card_type as CardType,
    groupKey: r.group_key,
    zone: Number(r.zone),
    openedAt: new Date(r.opened_at),
    activityId: r.activity_id ?? undefined,
  };
}

/** The cards the bot shows per conversation: which findings each one covers and its Teams activity id. */
export class CardStore {
  constructor(private readonly db: Executor) {}

  async latest(tenantId: string, conversationId: string, groupKey: string, tx: Executor = this.db): Promise<PostedCard | undefined> {
    const row = await tx
      .selectFrom('notify_cards')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('conversation_id', '=', conversationId)
      .where('group_key', '=', groupKey)
      .orderBy('opened_at', 'desc')
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async create(card: Omit<PostedCard, 'id' | 'activityId'>, now: Date, tx: Executor = this.db): Promise<number> {
    const r = await tx
      .insertInto('notify_cards')
      .values({
        tenant_id: card.tenantId,
        conversation_id: card.conversationId,
        card_type: card.type,
        group_key: card.groupKey,
        zone: card.zone,
        opened_at: card.openedAt.toISOString(),
        activity_id: null,
        updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(r.id);
  }

  /** Adds a finding to a card; false when it was already there. */
  async addFinding(cardId: number, conversationId: string, finding: { tenantId: string; key: string }, now: Date, tx: Executor = this.db): Promise<boolean> {
    const r = await tx
      .insertInto('notify_card_findings')
      .values({ card_id: cardId, finding_tenant_id: finding.tenantId, finding_key: finding.key, conversation_id: conversationId, added_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['card_id', 'finding_tenant_id', 'finding_key']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async byActivity(tenantId: string, conversationId: string, activityId: string, tx: Executor = this.db): Promise<PostedCard | undefined> {
    const row = await tx
      .selectFrom('notify_cards')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('conversation_id', '=', conversationId)
      .where('activity_id', '=', activityId)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async get(cardId: number, tx: Executor = this.db): Promise<PostedCard | undefined> {
    const row = await tx.selectFrom('notify_cards').selectAll().where('id', '=', cardId).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async findingsOf(cardId: number, tx: Executor = this.db): Promise<{ tenantId: string; key: string }[]> {
    const rows = await tx.selectFrom('notify_card_findings').select(['finding_tenant_id', 'finding_key']).where('card_id', '=', cardId).execute();
    return rows.map((r) => ({ tenantId: r.finding_tenant_id, key: r.finding_key }));
  }

  async cardsOf(findingTenantId: string, findingKey: string, tx: Executor = this.db): Promise<PostedCard[]> {
    const rows = await tx
      .selectFrom('notify_cards')
      .innerJoin('notify_card_findings', 'notify_card_findings.card_id', 'notify_cards.id')
      .selectAll('notify_cards')
      .where('notify_card_findings.finding_tenant_id', '=', findingTenantId)
      .where('notify_card_findings.finding_key', '=', findingKey)
      .execute();
    return rows.map(fromRow);
  }

  /** Findings added to cards of each conversation since `since` (the storm rule's count). */
  async recentCounts(since: Date, tx: Executor = this.db): Promise<Map<string, number>> {
    const rows = await tx
      .selectFrom('notify_card_findings')
      .select((eb) => ['conversation_id', eb.fn.countAll<number>().as('n')])
      .where('added_at', '>', since.toISOString())
      .groupBy('conversation_id')
      .execute();
    return new Map(rows.map((r) => [r.conversation_id, Number(r.n)]));
  }

  async setActivityId(cardId: number, activityId: string, now: Date, tx: Executor = this.db): Promise<void> {
    await tx.updateTable('notify_cards').set({ activity_id: activityId, updated_at: now.toISOString() }).where('id', '=', cardId).execute();
  }

  async removeConversation(tenantId: string, conversationId: string, tx: Executor = this.db): Promise<void> {
    const ids = tx.selectFrom('notify_cards').select('id').where('tenant_id', '=', tenantId).where('conversation_id', '=', conversationId);
    await tx.deleteFrom('notify_card_findings').where('card_id', 'in', ids).execute();
    await tx.deleteFrom('notify_cards').where('tenant_id', '=', tenantId).where('conversation_id', '=', conversationId).execute();
  }
}
