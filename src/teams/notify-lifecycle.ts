import { TeamsInfo, type TurnContext } from 'botbuilder';
import { log } from '../log';
import { teamsTenantOf } from './conversation';
import type { TeamsDeps } from './deps';

/** The conversation notifications go to: a channel thread (`…;messageid=…`) counts as its channel. */
export function notifyConversationOf(context: TurnContext): { tenantId: string; conversationId: string } {
  return { tenantId: teamsTenantOf(context), conversationId: context.activity.conversation.id.replace(/;messageid=.*$/, '') };
}

/** The UPN of the user of a personal chat, for owner DMs; best effort (the roster call may be unavailable). */
async function upnOf(context: TurnContext): Promise<string | undefined> {
  const from = context.activity.from as { id: string; userPrincipalName?: string };
  if (from.userPrincipalName) return from.userPrincipalName;
  try {
    const member = await Promise.race([TeamsInfo.getMember(context, from.id), new Promise<undefined>((r) => setTimeout(() => r(undefined), 3000).unref())]);
    return member?.userPrincipalName || undefined;
  } catch (err) {
    log().debug({ err }, 'roster lookup failed: owner DMs will match this chat by Entra object id only');
    return undefined;
  }
}

export async function notifyInstalled(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const conv = notifyConversationOf(context);
  const personal = (context.activity.conversation.conversationType ?? 'personal') === 'personal';
  const user = personal ? { aadObjectId: context.activity.from?.aadObjectId, upn: await upnOf(context) } : undefined;
  await deps.notifications.conversationInstalled({ ...conv, user });
}

export async function notifyRemoved(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const conv = notifyConversationOf(context);
  await deps.notifications.conversationRemoved(conv.tenantId, conv.conversationId);
}
