import { CardFactory, type Activity, type ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { AdaptiveCard } from '../cards/render';
import type { SavedConversation } from '../store/conversations';

/** Posts into a saved conversation outside a turn (digests, triage messages); returns the new activity id. */
export class ProactivePoster {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
  ) {}

  post(conv: SavedConversation, card: AdaptiveCard): Promise<string | undefined> {
    return this.send(conv, { attachments: [CardFactory.adaptiveCard(card)] });
  }

  postText(conv: SavedConversation, text: string): Promise<string | undefined> {
    return this.send(conv, { text });
  }

  private async send(conv: SavedConversation, activity: Partial<Activity>): Promise<string | undefined> {
    let activityId: string | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, conv.reference as Partial<ConversationReference>, async (context) => {
      activityId = (await context.sendActivity(activity))?.id;
    });
    return activityId;
  }
}
