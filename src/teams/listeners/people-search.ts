import type { Application } from '@microsoft/teams-ai';
import { log } from '../../log';
import type { TeamsDeps } from '../deps';

/** The Data.Query dataset of the reassign form's people picker (cards/triage-form.json). */
export const PEOPLE_DATASET = 'people';
/** Teams shows at most 15 typeahead choices. */
const MAX_RESULTS = 15;

/**
 * Typeahead for the reassign picker (`application/search` invokes): searches the directory (Microsoft Graph in
 * Azure mode, the simulated directory in embedded mode). A failing search shows no choices, never an error card.
 */
export function register(app: Application, deps: TeamsDeps): void {
  app.adaptiveCards.search(PEOPLE_DATASET, async (_context, _state, query) => {
    const top = Math.min(Math.max(query.count, 1), MAX_RESULTS);
    try {
      const people = await deps.users.search(query.parameters.queryText.slice(0, 64), top);
      return people.map((p) => ({ title: p.upn ? `${p.name} (${p.upn})` : p.name, value: p.aadObjectId }));
    } catch (err) {
      log().warn({ err }, 'people search failed');
      return [];
    }
  });
}
