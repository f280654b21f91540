import { systemClock, type Clock } from '../domain/ports';

/** The part of @azure/identity's TokenCredential used here (kept structural: the store imports no Azure SDK). */
export interface TokenSource {
  getToken(scope: string): Promise<{ token: string; expiresOnTimestamp: number } | null>;
}

/** Tokens are renewed this long before they expire, so a connection never starts with one about to lapse. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * pg's `password` as an async function: a Microsoft Entra access token for Azure Database for PostgreSQL, fetched
 * with the bot's identity, reused for new connections until REFRESH_MARGIN_MS before it expires. PostgreSQL checks
 * the token only when a connection opens, so open connections outlive it. Concurrent opens share one request.
 */
export function entraPassword(credential: TokenSource, scope: string, clock: Clock = systemClock): () => Promise<string> {
  let current: { token: string; expiresOnTimestamp: number } | undefined;
  let pending: Promise<{ token: string; expiresOnTimestamp: number }> | undefined;
  return async () => {
    if (current && current.expiresOnTimestamp - clock.now().getTime() > REFRESH_MARGIN_MS) return current.token;
    pending ??= credential
      .getToken(scope)
      .then((t) => {
        if (!t) throw new Error(`no Microsoft Entra token for ${scope}: check the bot identity (AZURE_CLIENT_ID)`);
        current = t;
        return t;
      })
      .finally(() => (pending = undefined));
    return (await pending).token;
  };
}
