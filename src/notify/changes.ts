import type { Finding } from '../domain/finding';

/** How an ingested finding differs from the stored one. */
export type FindingChange = 'new' | 'severity_changed' | 'resolved' | 'reappeared' | 'updated' | 'unchanged';

/** Facts that, when changed, need the posted cards redrawn (times, status, severity, details). */
function cardFacts(f: Finding): string {
  return JSON.stringify([f.title, f.severity, f.status, f.resource, f.firstSeen.getTime(), f.lastSeen.getTime(), f.details]);
}

export function detectChange(previous: Finding | undefined, next: Finding): FindingChange {
  if (!previous) return 'new';
  if (previous.status === 'active' && next.status === 'resolved') return 'resolved';
  if (previous.status === 'resolved' && next.status === 'active') return 'reappeared';
  if (previous.severity !== next.severity) return 'severity_changed';
  return cardFacts(previous) === cardFacts(next) ? 'unchanged' : 'updated';
}

/** Changes that put a finding in front of people who have not seen it yet (others only redraw cards). */
export function announces(change: FindingChange, next: Pick<Finding, 'status'>): boolean {
  return next.status === 'active' && (change === 'new' || change === 'severity_changed' || change === 'reappeared');
}
