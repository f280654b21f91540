import type { Application } from '@microsoft/teams-ai';
import { TRIAGE_VERBS } from '../../cards/verbs';

/**
 * Until triage lands, every triage button answers honestly and changes nothing. The triage feature
 * replaces this file (delete it and register the real handlers).
 */
export function register(app: Application): void {
  for (const verb of TRIAGE_VERBS) {
    app.adaptiveCards.actionExecute(verb, async () => `This action is not available yet: triage (${verb.replace(/_/g, ' ')}) is still being built. Nothing was changed.`);
  }
}
