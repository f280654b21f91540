import { EXAMPLE_QUESTIONS } from './welcome-card';
import { renderCard, type AdaptiveCard } from './render';

/** The help card; `note` explains why it is shown when the bot did not understand a message. */
export function helpCard(note = ''): AdaptiveCard {
  return renderCard('help', {
    note,
    sections: [
      {
        title: 'Ask about AI security posture',
        text: 'Questions map to prebuilt, reviewed KQL queries over Defender for Cloud data; I never run free text as a query.',
        commands: [
          { command: 'show Zone 3 attack paths', meaning: 'Attack paths that end at regulated AI resources' },
          { command: 'jailbreak attempts this week', meaning: 'Defender for AI alerts of that family' },
          { command: "what's our AI secure score", meaning: 'Healthy share of AI recommendations' },
          { command: "what's assigned to me", meaning: 'Findings you own, with due dates' },
        ],
      },
      {
        title: 'Notifications',
        text: 'New AI alerts, recommendations and attack paths arrive as cards, grouped when bursty; owners also get a direct message. Admins choose what each channel receives.',
        commands: [
          { command: 'subscribe zone 3 high alerts', meaning: 'Zone 3 alerts of high severity or above, here' },
          { command: 'subscribe recommendations zone 2', meaning: 'New or newly unhealthy Zone 2 recommendations' },
          { command: 'unsubscribe …, subscriptions', meaning: 'Stop one, or list what this conversation receives' },
          { command: 'delivery status', meaning: 'Pending and failed notifications (admins)' },
        ],
      },
      {
        title: 'Triage on the card',
        text: "Claim, reassign, accept risk (with the zone's approvals), record a compensating control, snooze, resolve or reopen from a finding's card. Decisions are written back to Defender and to the decision register.",
        commands: [],
      },
      {
        title: 'Committee digest',
        text: 'A weekly card for the Model Risk Committee, with charts and the decisions awaiting it.',
        commands: [
          { command: 'digest now', meaning: 'Send the weekly digest here now' },
          { command: 'digest schedule mon 09:00 America/New_York', meaning: 'Schedule it for this conversation (admins)' },
          { command: 'digest here, digest off', meaning: 'Make this the committee conversation, or stop it' },
        ],
      },
      {
        title: 'Commands',
        text: 'Type these at any time.',
        commands: [{ command: 'help', meaning: 'Show this card' }],
      },
    ],
    examples: EXAMPLE_QUESTIONS.filter((q) => q !== 'help'),
  });
}

/** The short card for a message outside what the bot answers: why, and a few questions it can answer. */
export function outOfScopeCard(note: string): AdaptiveCard {
  return renderCard('help', { note, sections: [], examples: EXAMPLE_QUESTIONS });
}
