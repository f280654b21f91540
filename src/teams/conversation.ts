import { TurnContext, type ConversationReference } from 'botbuilder';
import type { SavedConversation } from '../store/conversations';

/** The Teams tenant an activity comes from (the conversation's, else the channel data's). */
export function teamsTenantOf(context: TurnContext): string {
  const activity = context.activity;
  return activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? 'unknown-tenant';
}

/** The key and reference under which a conversation is remembered for proactive posts. */
export function savedConversationFrom(context: TurnContext): SavedConversation {
  const activity = context.activity;
  const reference = TurnContext.getConversationReference(activity) as ConversationReference;
  return {
    tenantId: teamsTenantOf(context),
    conversationId: activity.conversation.id,
    conversationType: activity.conversation.conversationType ?? 'personal',
    reference: reference as unknown as Record<string, unknown>,
  };
}

/** True when the bot itself is among the members an activity says were added or removed. */
export function includesBot(context: TurnContext, members: { id: string }[] | undefined): boolean {
  return (members ?? []).some((m) => m.id === context.activity.recipient.id);
}
