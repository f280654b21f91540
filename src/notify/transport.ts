import type { AdaptiveCard } from '../cards/render';
import type { SavedConversation } from '../store/conversations';

/** Posts and updates cards in a Teams conversation (implemented over the Bot Framework connector in src/teams). */
export interface CardTransport {
  /** Returns the new activity id. */
  post(conversation: SavedConversation, card: AdaptiveCard): Promise<string>;
  update(conversation: SavedConversation, activityId: string, card: AdaptiveCard): Promise<void>;
}

/** A failed connector call: the HTTP status (undefined when no answer came) and any Retry-After header. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryAfter?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TransportError';
  }
}
