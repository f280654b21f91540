import { CardFactory } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { welcomeCard } from '../../cards/welcome-card';
import { log } from '../../log';
import { includesBot, savedConversationFrom } from '../conversation';
import type { TeamsDeps } from '../deps';
import { notifyInstalled, notifyRemoved } from '../notify-lifecycle';

/**
 * Remembers every conversation the bot is installed in and forgets it on uninstall. Teams sends
 * installationUpdate once per install; the Playground re-sends it on each page load, so saving is idempotent.
 */
export function register(app: Application, deps: TeamsDeps): void {
  app.activity('installationUpdate', async (context) => {
    const conv = savedConversationFrom(context);
    const action = String(context.activity.action ?? '');
    if (action.startsWith('remove')) {
      const removed = await deps.conversations.remove(conv.tenantId, conv.conversationId);
      await notifyRemoved(context, deps);
      log().info({ conversationId: conv.conversationId, removed }, 'bot uninstalled: conversation forgotten');
      return;
    }
    await deps.conversations.save(conv, deps.clock.now());
    await notifyInstalled(context, deps);
    log().info({ conversationId: conv.conversationId, type: conv.conversationType }, 'bot installed: conversation saved');
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(welcomeCard(deps.dataSourceLabel))] });
  });

  app.conversationUpdate('membersAdded', async (context) => {
    if (!includesBot(context, context.activity.membersAdded)) return;
    await deps.conversations.save(savedConversationFrom(context), deps.clock.now());
    await notifyInstalled(context, deps);
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    if (!includesBot(context, context.activity.membersRemoved)) return;
    const conv = savedConversationFrom(context);
    await deps.conversations.remove(conv.tenantId, conv.conversationId);
    await notifyRemoved(context, deps);
    log().info({ conversationId: conv.conversationId }, 'bot removed from conversation: conversation forgotten');
  });
}
