import type { Finding } from '../domain/finding';

/**
 * The card a finding belongs to in one conversation. Alerts of the same type on the same resource share a
 * card while they start within `windowMs` of the card's first alert; every other finding has its own card.
 */
export function groupBase(finding: Pick<Finding, 'kind' | 'key' | 'resource' | 'details'>): string {
  if (finding.kind !== 'alert') return `finding:${finding.key}`;
  return `alert:${String(finding.details.alertType ?? '')}|${finding.resource.id.toLowerCase()}`;
}

/** A card group that opened at `openedAt` still takes a finding seen at `at`. */
export function groupIsOpen(base: string, openedAt: Date, at: Date, windowMs: number): boolean {
  if (!base.startsWith('alert:')) return true;
  const delta = at.getTime() - openedAt.getTime();
  return delta >= 0 && delta <= windowMs;
}

export function stormBase(zone: number): string {
  return `storm:zone${zone}`;
}

/**
 * Storm rule: once a conversation received `threshold` new-finding notifications within the window,
 * further new findings go to one summary card per zone instead of cards of their own.
 */
export function isStorm(recentNewCount: number, threshold: number): boolean {
  return threshold > 0 && recentNewCount >= threshold;
}
