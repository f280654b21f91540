import { capitalize } from '../cards/format';
import type { Finding, TriageView } from '../domain/finding';
import { possibleVerbs, STATUS_LABELS } from '../domain/triage/rules';
import type { TriageState } from '../domain/triage/types';
import type { SyncStatus } from '../store/writeback';

const SYNC_TEXT: Record<SyncStatus, string> = {
  none: '',
  syncing: 'syncing to Defender…',
  retrying: 'sync failed — retrying',
  synced: 'synced to Defender',
  failed: 'sync failed — an admin must check the write-back log',
  teams_only: 'recorded in Teams only (write-back to Defender is off)',
  refused: 'not written to Defender',
};

const nameOf = (p: { name?: string; upn?: string } | undefined) => p?.name || p?.upn || 'someone';

/** What every card of the finding shows about triage: owner, due date, accepted until, pending approvals, sync. */
export function triageView(state: TriageState, finding: Pick<Finding, 'kind' | 'status' | 'version'>, sync: SyncStatus, syncDetail?: string): TriageView {
  const version = finding.version;
  const parts = [capitalize(STATUS_LABELS[state.status])];
  if (state.status === 'snoozed' && state.snoozedUntil) parts.push(`until ${state.snoozedUntil.slice(0, 10)}`);
  if (state.status === 'mitigated' && state.control) parts.push(`(review by ${state.control.reviewDate.slice(0, 10)})`);
  if ((state.status === 'resolved' || state.status === 'dismissed') && state.resolution) parts.push(`as ${state.resolution.reason.replace('_', ' ')} by ${nameOf(state.resolution.by)}`);
  // A decision that cannot reach Defender says why on every copy of the card.
  if (SYNC_TEXT[sync]) parts.push(`· ${SYNC_TEXT[sync]}${sync === 'refused' && syncDetail ? `: ${syncDetail}` : ''}`);
  const pending = state.pending;
  const view: TriageView = { statusText: parts.join(' '), version, verbs: possibleVerbs(state.status, Boolean(state.pending), finding) };
  if (state.owner) view.owner = nameOf(state.owner);
  if (state.dueDate && ['claimed', 'pending_acceptance'].includes(state.status)) view.dueDate = new Date(state.dueDate);
  if (state.status === 'risk_accepted' && state.acceptance) view.acceptedUntil = new Date(state.acceptance.expiresOn);
  if (state.status === 'pending_acceptance' && pending) {
    const who = pending.approver === 'committee' ? 'committee member' : 'security lead';
    const got = pending.approvals.map((a) => `approved by ${nameOf(a.by)}`);
    const missing = Array.from({ length: pending.required - pending.approvals.length }, () => `a ${who}`);
    const escalated = pending.escalatedFrom?.length ? ['escalated to the committee: too few security leads besides the requester'] : [];
    view.pendingApprovals = [...escalated, ...got, ...missing.map((m) => `waiting for ${m}`)];
  }
  return view;
}
