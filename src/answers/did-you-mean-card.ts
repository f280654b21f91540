import { renderCard, type AdaptiveCard } from '../cards/render';
import type { CatalogIntent, Slots } from '../domain/intents';
import { buttonSlots } from './answer-card';
import { defuse } from './format';
import { slotSummary } from './slot-summary';

/** "Did you mean…": one button per likely question, each running it with the slots already understood. */
export function didYouMeanCard(question: string, choices: { intent: CatalogIntent; title: string }[], slots: Slots): AdaptiveCard {
  const shown = question.length > 120 ? `${question.slice(0, 119)}…` : question;
  const safe = buttonSlots(slots);
  return renderCard('did-you-mean', { question: defuse(shown), summary: slotSummary(safe), slots: safe, choices });
}
