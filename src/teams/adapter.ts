import {
  CallerIdConstants,
  ConfigurationServiceClientCredentialFactory,
  StatusCodes,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config';

/**
 * With a bot app id, every incoming request must carry a valid Bot Framework JWT. Without one the adapter
 * accepts anonymous requests, which config only allows on a loopback address (the Playground, tests).
 */
export function createAdapter(bot: Config['bot']): TeamsAdapter {
  if (!bot) return new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
  const auth = {
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.password,
    MicrosoftAppType: bot.type,
    MicrosoftAppTenantId: bot.tenantId,
    ...(bot.openIdMetadataUrl ? publicCloudWithKeysFrom(bot.openIdMetadataUrl) : {}),
  };
  return new AuthenticatingTeamsAdapter(auth, new ConfigurationServiceClientCredentialFactory(auth));
}

/**
 * Overriding one cloud setting makes botbuilder take every setting from configuration (unset ones become
 * undefined and validation rejects every token), so the public cloud's values are spelled out here.
 */
function publicCloudWithKeysFrom(openIdMetadataUrl: string) {
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}

const JWT_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botbuilder answers a token with a bad signature with 500 (jsonwebtoken's error is not an
 * AuthenticationError); a request that fails authentication is a 401.
 */
class AuthenticatingTeamsAdapter extends TeamsAdapter {
  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const base = super.processActivity as (a: typeof auth, b: Activity, c: typeof logic) => Promise<InvokeResponse | undefined>;
    try {
      return await base.call(this, auth, activity, logic);
    } catch (err) {
      if (err instanceof Error && JWT_ERRORS.has(err.name)) throw new AuthenticationError(`Unauthorized: ${err.message}`, StatusCodes.UNAUTHORIZED);
      throw err;
    }
  }
}
