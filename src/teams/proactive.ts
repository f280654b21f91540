import { CardFactory, type ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { AdaptiveCard } from '../cards/render';
import { log } from '../log';
import type { ConversationStore, SavedConversation } from '../store/conversations';

/** At most this many conversations are posted to at once, so a broadcast never floods the connector. */
const CONCURRENCY = 4;

export class ProactivePoster {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly conversations: ConversationStore,
  ) {}

  async post(conv: SavedConversation, card: AdaptiveCard): Promise<string | undefined> {
    let activityId: string | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, conv.reference as Partial<ConversationReference>, async (context) => {
      const sent = await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
      activityId = sent?.id;
    });
    return activityId;
  }

  /** Posts the card to every installed conversation; one failing conversation does not stop the others. */
  async broadcast(card: AdaptiveCard): Promise<{ sent: number; failed: number }> {
    const targets = await this.conversations.list();
    let sent = 0;
    let failed = 0;
    let next = 0;
    const worker = async () => {
      while (next < targets.length) {
        const conv = targets[next++]!;
        try {
          await this.post(conv, card);
          sent++;
        } catch (err) {
          failed++;
          log().warn({ err, conversationId: conv.conversationId }, 'proactive post failed');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, targets.length) }, worker));
    return { sent, failed };
  }
}
