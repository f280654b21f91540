import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { log } from '../../log';
import { describeSpec, sameSpec } from '../../notify/subscription';
import { isSubscriptionCommand, parseSubscriptionCommand } from '../../notify/subscription-command';
import type { TeamsDeps } from '../deps';
import { notifyConversationOf } from '../notify-lifecycle';

/** Personal chats belong to their user; in group chats and channels only admins change what is posted. */
async function mayChange(context: TurnContext, deps: TeamsDeps): Promise<boolean> {
  if ((context.activity.conversation.conversationType ?? 'personal') === 'personal') return true;
  const aadObjectId = context.activity.from?.aadObjectId;
  if (!aadObjectId) return false;
  return (await deps.roles.rolesOf({ aadObjectId, name: context.activity.from.name })).has('admin');
}

/** `subscribe …`, `unsubscribe …`, `subscriptions`: which findings this conversation receives. */
export function register(app: Application, deps: TeamsDeps): void {
  app.message(
    (context) => Promise.resolve(context.activity.type === 'message' && isSubscriptionCommand(context.activity.text ?? '')),
    async (context) => {
      const pipeline = deps.notifications;
      const parsed = parseSubscriptionCommand(context.activity.text ?? '');
      if (!parsed.ok) return void (await context.sendActivity(parsed.error));
      const { tenantId, conversationId } = notifyConversationOf(context);
      const current = await pipeline.subscriptions.list({ tenantId, conversationId });
      const cmd = parsed.command;
      if (cmd.action === 'list') {
        const lines = current.map((s, i) => `${i + 1}. ${describeSpec(s.spec)} (by ${s.createdBy})`);
        return void (await context.sendActivity(lines.length ? `This conversation receives:\n\n${lines.join('\n\n')}` : 'This conversation has no subscriptions. Example: `subscribe zone 3 high alerts`.'));
      }
      if (!(await mayChange(context, deps))) {
        return void (await context.sendActivity("Only a bot admin can change this conversation's subscriptions (the `admin` role in the policy file). Nothing was changed."));
      }
      const actor = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'unknown';
      const now = deps.clock.now();
      if (cmd.action === 'subscribe') {
        if (current.some((s) => sameSpec(s.spec, cmd.spec))) return void (await context.sendActivity(`Already subscribed to ${describeSpec(cmd.spec)}. Nothing was changed.`));
        await pipeline.subscriptions.add({ tenantId, conversationId, spec: cmd.spec, createdBy: context.activity.from?.name ?? actor }, now);
        log().info({ conversationId, actor, spec: cmd.spec }, 'subscription added');
        return void (await context.sendActivity(`Subscribed: ${describeSpec(cmd.spec)}. New findings that match will be posted here.`));
      }
      const gone = cmd.spec === 'all' ? current : current.filter((s) => sameSpec(s.spec, cmd.spec as never));
      if (gone.length === 0) {
        const have = current.length ? ` Current subscriptions: ${current.map((s) => describeSpec(s.spec)).join('; ')}.` : ' This conversation has none.';
        return void (await context.sendActivity(`No subscription matches that.${have} Nothing was changed.`));
      }
      await pipeline.subscriptions.remove(gone.map((s) => s.id));
      log().info({ conversationId, actor, removed: gone.length }, 'subscriptions removed');
      await context.sendActivity(`Unsubscribed: ${gone.map((s) => describeSpec(s.spec)).join('; ')}.`);
    },
  );
}
