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
        text: 'New Defender for AI alerts are posted as cards into every chat and channel I am installed in.',
        commands: [],
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
