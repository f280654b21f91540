import type { Finding } from '../domain/finding';
import { findingFacts, type FindingFacts } from '../domain/triage/types';
import { governanceAssignmentKey } from './targets';

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * What the state machine knows about a finding, with its Defender governance owner when that assignment was made
 * outside the bot: a claim the bot wrote back (under its own key) names who works on it, not who is accountable.
 * An assignment whose key is unknown does not count either (fail closed); the owner tag always does.
 */
export function triageFacts(f: Finding): FindingFacts {
  const facts = findingFacts(f);
  const owner = text(f.details.governanceOwner);
  const key = text(f.details.governanceAssignmentKey).toLowerCase();
  return owner && key && key !== governanceAssignmentKey(f) ? { ...facts, governanceOwner: owner } : facts;
}
