import type { Application } from '@microsoft/teams-ai';
import type { TeamsDeps } from '../deps';

const COMMAND = /^\s*delivery\s+status\s*[.!?]?\s*$/i;

/** `delivery status` (admins): pending, failed and unconfirmed notifications per conversation. */
export function register(app: Application, deps: TeamsDeps): void {
  app.message(COMMAND, async (context) => {
    const pipeline = deps.notifications;
    const aadObjectId = context.activity.from?.aadObjectId;
    const roles = aadObjectId ? await deps.roles.rolesOf({ aadObjectId }) : new Set<string>();
    if (!roles.has('admin')) return void (await context.sendActivity('Only a bot admin can see the delivery status (the `admin` role in the policy file).'));
    const counts = await pipeline.outbox.counts();
    const unreachable = new Map((await pipeline.notifyConversations.list()).filter((c) => c.unreachable).map((c) => [c.conversationId, c.unreachable!]));
    if (counts.length === 0) return void (await context.sendActivity('Delivery status: nothing has been queued yet.'));
    const lines = counts.map((c) => {
      const gone = unreachable.get(c.conversationId);
      return `**${c.conversationId}**: ${c.pending} pending, ${c.failed} failed, ${c.unconfirmed} unconfirmed, ${c.sent} sent${gone ? ` (unreachable since ${gone.at}: ${gone.reason})` : ''}`;
    });
    await context.sendActivity(`Delivery status\n\n${lines.join('\n\n')}`);
  });
}
