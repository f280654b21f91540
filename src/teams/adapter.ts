import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
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
  };
  return new TeamsAdapter(auth, new ConfigurationServiceClientCredentialFactory(auth));
}
