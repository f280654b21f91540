import { CardFactory } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { savedConversationFrom } from '../conversation';
import type { TeamsDeps } from '../deps';

const DIGEST = /^\s*digest\b/i;

/** `digest now | status | here | off | schedule … | zone3 …`: the committee digest in chat (docs/digest.md). */
export function register(app: Application, deps: TeamsDeps): void {
  app.message(DIGEST, async (context) => {
    const conv = savedConversationFrom(context);
    // Scheduled digests are posted proactively, so make sure this conversation can be reached.
    await deps.conversations.save(conv, deps.clock.now());
    const from = context.activity.from;
    const reply = await deps.digest.handle(context.activity.text ?? '', { aadObjectId: from.aadObjectId ?? '', name: from.name }, conv);
    if ('card' in reply) await context.sendActivity({ attachments: [CardFactory.adaptiveCard(reply.card)] });
    else await context.sendActivity(reply.text);
  });
}
