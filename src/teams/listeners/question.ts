import type { AdaptiveCard, Application } from '@microsoft/teams-ai';
import { CardFactory, type TurnContext } from 'botbuilder';
import type { Asker, Reply } from '../../answers/service';
import { parseAnswerPage, parseRunIntent, type VerbData } from '../../answers/verb-data';
import { VERBS } from '../../cards/verbs';
import type { TeamsDeps } from '../deps';

/** Who is asking: the Teams user's UPN from the directory, else their Entra object id (my_queue binds it). */
function askerFor(context: TurnContext, deps: TeamsDeps): Asker {
  return {
    user: async () => {
      const objectId = context.activity.from?.aadObjectId;
      if (!objectId) return undefined;
      return (await deps.users.byObjectId(objectId))?.upn ?? objectId;
    },
  };
}

async function send(context: TurnContext, reply: Reply): Promise<void> {
  if (reply.kind === 'text') await context.sendActivity(reply.text);
  else await context.sendActivity({ attachments: [CardFactory.adaptiveCard(reply.card)] });
}

/** The invoke result of a card button: the new card replaces the clicked one; text is shown beside it. */
function invokeResult(reply: Reply): AdaptiveCard | string {
  return reply.kind === 'card' ? reply.card : reply.text;
}

/** Answers a question typed in chat or clicked on a card. */
export async function answerQuestion(context: TurnContext, deps: TeamsDeps, question: string): Promise<void> {
  await send(context, await deps.answers.ask(question, askerFor(context, deps)));
}

export function register(app: Application, deps: TeamsDeps): void {
  // "ask" buttons (welcome, help, follow-ups) post the answer as a new message and leave their card as it was.
  app.adaptiveCards.actionExecute(VERBS.ask, async (context, _state, data: { question?: unknown }) => {
    const question = typeof data?.question === 'string' ? data.question : '';
    if (!question) return 'That button did not carry a question.';
    await answerQuestion(context, deps, question);
    return `Asked: ${question.slice(0, 200)}`;
  });

  // "Did you mean" and "Show more" replace their card with the answer; the data is re-validated and re-run.
  const verbHandler = (parse: (data: unknown) => VerbData) => async (context: TurnContext, _state: unknown, data: unknown) => {
    const checked = parse(data);
    if (!checked.ok) return `That button's data is not valid (${checked.problem}). Please ask the question again.`;
    return invokeResult(await deps.answers.answer(checked.intent, checked.slots, checked.page, askerFor(context, deps)));
  };
  app.adaptiveCards.actionExecute(VERBS.run_intent, verbHandler(parseRunIntent));
  app.adaptiveCards.actionExecute(VERBS.answer_page, verbHandler(parseAnswerPage));

  // Registered last: teams-ai routes a message to the first matching handler.
  app.activity('message', async (context) => {
    await answerQuestion(context, deps, context.activity.text ?? '');
  });
}
