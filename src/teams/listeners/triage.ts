import type { Application } from '@microsoft/teams-ai';
import { VERBS } from '../../cards/verbs';
import { TRIAGE_VERBS } from '../../domain/triage/types';
import { log } from '../../log';
import type { ActResult } from '../../triage/service';
import { triageView } from '../../triage/view';
import { teamsTenantOf } from '../conversation';
import type { TeamsDeps } from '../deps';
import { answerCard, FORM_FIELDS, needsForm, triageForm } from './triage-cards';


/**
 * Card verbs on findings (Action.Execute → adaptiveCard/action invoke). The actor is the activity's `from`,
 * never card data; the card data only names the finding and the version the user saw.
 */
export function register(app: Application, deps: TeamsDeps): void {
  const triage = deps.triage;
  const policy = triage.policy;

  const render = async (result: ActResult, verb: string, data: Record<string, unknown>) => {
    const f = result.finding;
    if (!f || !result.state) return result.message;
    const invalid = result.decision && !result.decision.ok && result.decision.code === 'invalid_input';
    if (invalid && (verb in FORM_FIELDS || verb === VERBS.claim)) {
      return triageForm(verb, f, policy, await deps.users.list(), deps.clock.now(), data, result.message);
    }
    const sync = await triage.syncStatus(f.tenantId, f.key);
    const tone = result.outcome === 'done' || result.outcome === 'replayed' ? 'good' : 'attention';
    return answerCard(f, triageView(result.state, f, sync.status, sync.error), result.message, tone);
  };

  for (const verb of TRIAGE_VERBS) {
    app.adaptiveCards.actionExecute(verb, async (context, _state, raw: unknown) => {
      const data = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const aadObjectId = context.activity.from?.aadObjectId;
      if (!aadObjectId) return 'I could not tell who clicked (no Entra object id on the activity), so nothing was changed.';
      if (needsForm(verb, data)) {
        const current = typeof data.findingKey === 'string' ? await triage.current(teamsTenantOf(context), data.findingKey) : undefined;
        if (!current) return "I can't find that finding: the card may be from another tenant, or its data was altered.";
        return triageForm(verb, current.finding, policy, await deps.users.list(), deps.clock.now());
      }
      const result = await triage.act({
        teamsTenantId: teamsTenantOf(context),
        activityId: context.activity.id ?? '',
        actor: { aadObjectId, name: context.activity.from.name },
        verb,
        data,
        conversationId: context.activity.conversation?.id,
      });
      log().info({ verb, outcome: result.outcome, findingKey: result.finding?.key }, 'triage action');
      // The answer shows the state as committed ("syncing…"); notifications and the write-back follow.
      const answer = await render(result, verb, data);
      void triage.afterDecision(result);
      return answer;
    });
  }

  // Any other Action.Execute verb (an old or altered card): say so instead of failing the invoke.
  const known = new Set<string>([...Object.values(VERBS)]);
  app.adaptiveCards.actionExecute(
    async (context) => context.activity.name === 'adaptiveCard/action' && !known.has(String(context.activity.value?.action?.verb ?? '')),
    async (context) => `"${String(context.activity.value?.action?.verb ?? '').slice(0, 40)}" is not something I can do on a finding. Nothing was changed.`,
  );
}
