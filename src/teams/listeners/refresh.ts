import type { Application } from '@microsoft/teams-ai';
import { VERBS } from '../../cards/verbs';
import type { TeamsDeps } from '../deps';
import { notifyConversationOf } from '../notify-lifecycle';

/**
 * Universal Actions `refresh`: returns the card's current state. The card is found by the activity it was
 * clicked on; card data only names the finding and is never trusted beyond that.
 */
export function register(app: Application, deps: TeamsDeps): void {
  app.adaptiveCards.actionExecute(VERBS.refresh, async (context) => {
    const pipeline = deps.notifications;
    const activityId = context.activity.replyToId;
    if (!activityId) return 'This card can no longer be refreshed.';
    const { tenantId, conversationId } = notifyConversationOf(context);
    const card = await pipeline.cards.byActivity(tenantId, conversationId, activityId);
    const rendered = card && (await pipeline.renderer.render(card));
    return rendered ?? 'This card is no longer tracked: its finding may have been removed.';
  });
}
