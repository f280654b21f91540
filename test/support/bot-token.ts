import { AppCredentials, AuthenticationConstants } from 'botframework-connector';

interface CachedToken {
  accessToken: string;
  expiresOn: Date;
}

/**
 * With BOT_ID set, botbuilder asks Entra ID (login.microsoftonline.com) for a token before every call to the
 * connector, which tests cannot reach. This puts a token for `appId` into botframework-connector's own token
 * cache (a private static of AppCredentials, pinned by package.json), so replies and proactive posts reach the
 * local connector stub. Returns the undo.
 */
export function seedBotConnectorToken(appId: string): () => void {
  const cache = (AppCredentials as unknown as { cache?: Map<string, CachedToken> }).cache;
  if (!(cache instanceof Map)) throw new Error('botframework-connector changed: AppCredentials.cache is gone (update test/support/bot-token.ts)');
  const key = `${appId}${AuthenticationConstants.ToChannelFromBotOAuthScope}-cache`;
  cache.set(key, { accessToken: 'test-bot-connector-token', expiresOn: new Date(Date.now() + 3_600_000) });
  return () => cache.delete(key);
}
