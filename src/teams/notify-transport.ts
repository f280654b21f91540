import { CardFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { AdaptiveCard } from '../cards/render';
import { TransportError, type CardTransport } from '../notify/transport';
import type { SavedConversation } from '../store/conversations';

/** Reads status and Retry-After from the connector client's RestError (header bag or plain object). */
function toTransportError(err: unknown): TransportError {
  if (err instanceof TransportError) return err;
  const e = err as { statusCode?: number; status?: number; message?: string; response?: { status?: number; headers?: { get?: (n: string) => string | undefined } & Record<string, unknown> } };
  const status = e?.statusCode ?? e?.response?.status ?? e?.status;
  const headers = e?.response?.headers;
  const retryAfter = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers?.['retry-after'] as string | undefined);
  return new TransportError(e?.message ?? String(err), typeof status === 'number' ? status : undefined, retryAfter ?? undefined, { cause: err });
}

/** Without the saved activity id a post starts a new message (in channels: a new thread), not a reply. */
function referenceOf(conv: SavedConversation): Partial<ConversationReference> {
  const { activityId: _replyTo, ...reference } = conv.reference as Partial<ConversationReference>;
  return reference;
}

/**
 * The connector client retries 429 and 5xx itself (core-client's defaultRetryPolicy, waiting out any
 * Retry-After inside the call). The outbox owns retries instead, so they are durable, counted against the
 * retry budget and never block other conversations: the policy is removed from this turn's client.
 */
function withoutSdkRetries(context: TurnContext): void {
  const client = context.turnState.get(context.adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(p: { name: string }): unknown } } } | undefined;
  client?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}

/** The notification sender's way into Teams: proactive post and updateActivity with a saved reference. */
export class TeamsCardTransport implements CardTransport {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
  ) {}

  async post(conv: SavedConversation, card: AdaptiveCard): Promise<string> {
    const id = await this.inTurn(conv, async (context) => {
      // A new message, not a reply to the continuation event (in channels a reply would land in a thread).
      context.onSendActivities(async (_ctx, activities, next) => {
        for (const a of activities) delete a.replyToId;
        return next();
      });
      return (await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] }))?.id;
    });
    if (!id) throw new TransportError('the connector accepted the post but returned no activity id', 502);
    return id;
  }

  async update(conv: SavedConversation, activityId: string, card: AdaptiveCard): Promise<void> {
    await this.inTurn(conv, async (context) => {
      await context.updateActivity({ id: activityId, type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
    });
  }

  /**
   * Runs `send` in a proactive turn. The error is caught inside the turn because the adapter's turn-error
   * handler would otherwise swallow it, and the outbox needs its status and Retry-After.
   */
  private async inTurn<T>(conv: SavedConversation, send: (context: TurnContext) => Promise<T>): Promise<T | undefined> {
    let result: T | undefined;
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, referenceOf(conv), async (context) => {
        withoutSdkRetries(context);
        try {
          result = await send(context);
        } catch (err) {
          failure = err;
        }
      });
    } catch (err) {
      failure ??= err;
    }
    if (failure !== undefined) throw toTransportError(failure);
    return result;
  }
}
