import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { VERBS } from '../../cards/verbs';
import { sendHelp } from './help';

const MAX_QUESTION_LENGTH = 500;

/** Answers a question typed in chat or clicked on a card. */
export async function answerQuestion(context: TurnContext, question: string): Promise<void> {
  const text = question.trim();
  if (text.length > MAX_QUESTION_LENGTH) {
    await context.sendActivity(`That message is ${text.length} characters long; please ask in under ${MAX_QUESTION_LENGTH}.`);
    return;
  }
  if (/^(help|\?)$/i.test(text)) return sendHelp(context);
  await sendHelp(context, `I can't answer "${text}" yet: answering questions from Defender data is being built. Here is what works today.`);
}

export function register(app: Application): void {
  app.adaptiveCards.actionExecute(VERBS.ask, async (context, _state, data: { question?: unknown }) => {
    const question = typeof data?.question === 'string' ? data.question : '';
    if (!question) return 'That button did not carry a question.';
    await answerQuestion(context, question);
    return 'Asked: ' + question;
  });

  // Registered last: teams-ai routes a message to the first matching handler.
  app.activity('message', async (context) => {
    await answerQuestion(context, context.activity.text ?? '');
  });
}
