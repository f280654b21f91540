import type { Finding, TriageView } from '../domain/finding';
import { findingCard } from './finding-card';
import type { AdaptiveCard } from './render';

/** The alert card: one alert, or a group of alerts of one type on one resource (see findingCard). */
export function alertCard(alerts: Finding[], triage?: TriageView): AdaptiveCard {
  return findingCard(alerts, triage);
}
