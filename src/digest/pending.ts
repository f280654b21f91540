import type { TriageState } from '../domain/triage/types';
import type { FindingStore } from '../store/findings';
import type { TriageStateStore } from '../store/triage';
import type { PendingAcceptance } from './gather';

/**
 * Zone 3 risk acceptances waiting for the committee, from the triage state store, oldest request first. The
 * finding's current version goes on the card so a stale Approve/Reject click is refused by triage.
 */
export async function committeePending(states: Pick<TriageStateStore, 'listActive'>, findings: Pick<FindingStore, 'get'>): Promise<PendingAcceptance[]> {
  const active = await states.listActive(['pending_acceptance']);
  const out: (PendingAcceptance & { requestedAt: string })[] = [];
  for (const { tenantId, findingKey, state } of active) {
    const p = (state as TriageState).pending;
    if (!p || p.approver !== 'committee') continue;
    const finding = await findings.get(tenantId, findingKey);
    if (!finding) continue;
    out.push({
      findingKey,
      version: finding.version,
      title: finding.title,
      resourceName: finding.resource.name,
      requestedBy: p.requestedBy.upn ?? p.requestedBy.name,
      justification: p.justification,
      expiresOn: new Date(p.expiresOn),
      approvals: p.approvals.length,
      required: p.required,
      requestedAt: p.requestedAt,
    });
  }
  return out.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt)).map(({ requestedAt: _r, ...rest }) => rest);
}
