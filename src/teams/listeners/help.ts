import { CardFactory, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { helpCard } from '../../cards/help-card';

const HELP = /^\s*(help|\?|what can you do\??)\s*$/i;

export async function sendHelp(context: TurnContext, note = ''): Promise<void> {
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(helpCard(note))] });
}

export function register(app: Application): void {
  app.message(HELP, async (context) => sendHelp(context));
}
