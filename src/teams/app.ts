import { Application, TurnState, type TeamsAdapter } from '@microsoft/teams-ai';
import { log } from '../log';
import type { TeamsDeps } from './deps';
import * as deliveryStatus from './listeners/delivery-status';
import * as digest from './listeners/digest';
import * as help from './listeners/help';
import * as install from './listeners/install';
import * as peopleSearch from './listeners/people-search';
import * as question from './listeners/question';
import * as refresh from './listeners/refresh';
import * as subscriptions from './listeners/subscriptions';
import * as triage from './listeners/triage';

/** The teams-ai application with every listener registered; one file per listener under ./listeners. */
export function createTeamsApp(adapter: TeamsAdapter, botAppId: string | undefined, deps: TeamsDeps): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter,
    botAppId,
    // State lives in the bot's own store; teams-ai's turn state needs no storage here.
    removeRecipientMention: true,
    startTypingTimer: false,
  });
  install.register(app, deps);
  help.register(app);
  digest.register(app, deps);
  subscriptions.register(app, deps);
  deliveryStatus.register(app, deps);
  refresh.register(app, deps);
  triage.register(app, deps);
  peopleSearch.register(app, deps);
  question.register(app, deps);
  app.error(async (context, error) => {
    log().error({ err: error, activityType: context.activity.type }, 'turn failed');
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong on my side while handling that. The error is logged; please try again.');
    }
  });
  return app;
}
