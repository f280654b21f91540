import type { ClaimedFinding, ClaimedFindings, ClaimFilters } from '../domain/claims';
import type { ResourceRef } from '../domain/findings';
import type { FindingKind } from '../domain/finding';
import type { TriageState, TriageStatus } from '../domain/triage/types';
import type { Severity, Zone } from '../domain/zones';
import type { Db } from './database';

/** Triage statuses in which a finding has an owner who still has to act (claimed, or claimed and awaiting a risk decision). */
const OWNED: readonly TriageStatus[] = ['claimed', 'pending_acceptance'];

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** ClaimedFindings over the bot's store: triage_states joined to findings (the bot's copy of each finding). */
export class StoreClaimedFindings implements ClaimedFindings {
  constructor(private readonly db: Db) {}

  async forOwner(tenantId: string, user: string, filters: ClaimFilters): Promise<ClaimedFinding[]> {
    let q = this.db
      .selectFrom('triage_states as t')
      .innerJoin('findings as f', (j) => j.onRef('f.tenant_id', '=', 't.tenant_id').onRef('f.finding_key', '=', 't.finding_key'))
      .select(['f.finding_key', 'f.kind', 'f.title', 'f.severity', 'f.zone', 'f.resource_json', 'f.details_json', 't.state_json'])
      .where('t.tenant_id', '=', tenantId)
      .where('t.status', 'in', [...OWNED])
      .where('f.status', '=', 'active');
    if (filters.zone !== undefined) q = q.where('f.zone', '=', filters.zone);
    if (filters.severity) q = q.where('f.severity', '=', filters.severity.toLowerCase());
    const out: ClaimedFinding[] = [];
    for (const r of await q.execute()) {
      const state = JSON.parse(r.state_json) as TriageState;
      if (!state.owner || !(same(state.owner.upn, user) || same(state.owner.aadObjectId, user))) continue;
      const resource = JSON.parse(r.resource_json) as ResourceRef;
      const details = JSON.parse(r.details_json) as Record<string, unknown>;
      const assessmentId = r.kind === 'recommendation' && typeof details.assessmentId === 'string' ? details.assessmentId.toLowerCase() : undefined;
      out.push({
        kind: r.kind as FindingKind,
        key: r.finding_key,
        title: r.title,
        severity: r.severity as Severity,
        resourceId: resource.id,
        resourceName: resource.name,
        zone: Number(r.zone) as Zone,
        zoneKnown: resource.zoneKnown,
        ...(state.dueDate && { dueDate: state.dueDate }),
        isGracePeriod: state.isGracePeriod ?? false,
        ...(assessmentId && { assessmentId }),
      });
    }
    return out;
  }
}
