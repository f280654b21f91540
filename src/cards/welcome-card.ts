import { renderCard, type AdaptiveCard } from './render';

export const EXAMPLE_QUESTIONS = [
  'show Zone 3 attack paths',
  'jailbreak attempts this week',
  "what's our AI secure score",
  'help',
] as const;

export function welcomeCard(dataSourceLabel: string): AdaptiveCard {
  return renderCard('welcome', {
    intro:
      "I bring Microsoft Defender for Cloud's AI security findings into Teams: threat alerts, AI recommendations and attack paths, with the decisions made right here.",
    capabilities: [
      { title: 'Notify', text: 'New AI threat alerts arrive here as cards, with severity, resource, zone and a Defender link.' },
      { title: 'Ask', text: 'Ask in plain words ("show Zone 3 attack paths"); answers come from reviewed KQL queries.' },
      { title: 'Triage', text: "Claim remediation or accept risk on the card, within your zone's SLA." },
      { title: 'Report', text: 'A weekly digest for the Model Risk Committee.' },
    ],
    dataSourceNote: `Data source: ${dataSourceLabel}.`,
    examples: EXAMPLE_QUESTIONS,
  });
}
