import { CardFactory, type ConversationReference } from 'botbuilder';
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

/** The notification sender's way into Teams: proactive post and updateActivity with a saved reference. */
export class TeamsCardTransport implements CardTransport {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
  ) {}

  async post(conv: SavedConversation, card: AdaptiveCard): Promise<string> {
    let id: string | undefined;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, conv.reference as Partial<ConversationReference>, async (context) => {
        id = (await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] }))?.id;
      });
    } catch (err) {
      throw toTransportError(err);
    }
    if (!id) throw new TransportError('the connector accepted the post but returned no activity id', 502);
    return id;
  }

  async update(conv: SavedConversation, activityId: string, card: AdaptiveCard): Promise<void> {
    try {
      await this.adapter.continueConversationAsync(this.botAppId, conv.reference as Partial<ConversationReference>, async (context) => {
        await context.updateActivity({ id: activityId, type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
      });
    } catch (err) {
      throw toTransportError(err);
    }
  }
}
