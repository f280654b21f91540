import type { Clock, QueryResult, QueryRunner } from '../../domain/ports';
import { DataUnavailableError } from '../../domain/ports';
import type { ExemptionTarget, RecommendationRef, Resolved, WriteTargets } from '../../domain/triage/ports';
import { kustoString } from '../../queries/literals';

/** A Defender for Cloud security standard assigned (effect Audit) at a scope, with the assessments it lists. */
export interface AssignedStandard {
  /** /providers/Microsoft.Security/securityStandards/{id} as the standard assignment names it. */
  standardId: string;
  /** Lowercase assessment keys. */
  assessmentKeys: ReadonlySet<string>;
}

/** Defender's standards at a scope (a security connector, a subscription). Azure: REST; embedded: the simulated tenant. */
export interface SecurityStandards {
  assignedAt(scope: string): Promise<AssignedStandard[]>;
}

export interface ExemptionTargetOptions {
  /** Resource Graph (Azure) or the simulated tenant's tables (embedded): `policyresources` and `securityresources`. */
  runner: QueryRunner;
  standards: SecurityStandards;
  clock: Clock;
  /** How long a lookup is reused; assignments change rarely. Default one hour. */
  ttlMs?: number;
}

const CONNECTOR = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Security\/securityConnectors\/[^/]+)\//i;
const MANAGEMENT_GROUP = /^\/providers\/Microsoft\.Management\/managementGroups\//i;

interface PolicyState {
  assignmentId: string;
  assignmentScope: string;
  referenceId: string;
}

/**
 * Where a recommendation's exemption goes. Azure recommendations backed by Azure Policy: the assignments whose
 * policy states show the recommendation's policy definition in the resource's subscription (assigned there or at
 * a management group above it), with the initiative's own definition reference ids. AWS, GCP and custom
 * recommendations (no Azure Policy): the Defender for Cloud security standards assigned at the security connector
 * (or subscription) that list the assessment. Lookups are cached per subscription and definition, and per scope.
 */
export class ExemptionTargetResolver implements WriteTargets {
  private readonly cache = new Map<string, { at: number; value: Promise<unknown> }>();
  private readonly ttlMs: number;

  constructor(private readonly options: ExemptionTargetOptions) {
    this.ttlMs = options.ttlMs ?? 3_600_000;
  }

  async exemptionTargets(r: RecommendationRef): Promise<Resolved<ExemptionTarget[]>> {
    try {
      if (r.cloud.toLowerCase() === 'azure') {
        const definition = r.policyDefinitionId ?? (await this.cached(`assessment|${r.assessmentId.toLowerCase()}`, () => this.policyDefinitionOf(r.assessmentId)));
        // `return await`: a rejected lookup must land in the catch below.
        if (definition) return await this.policyTargets(r, definition);
        // A custom recommendation has no policy definition: Defender's standards hold it at the subscription.
        return await this.standardTargets(r, `/subscriptions/${r.subscriptionId}`);
      }
      const connector = CONNECTOR.exec(r.resourceId)?.[1];
      if (!connector) return refuse(`the ${r.cloud} resource id names no Defender for Cloud security connector (${r.resourceId})`);
      return await this.standardTargets(r, connector);
    } catch (err) {
      const why = err instanceof DataUnavailableError ? err.userMessage : (err as Error).message;
      return refuse(`its exemption target could not be looked up (${why.replace(/\.$/, '')}); decide again once Azure answers`);
    }
  }

  private async policyTargets(r: RecommendationRef, definition: string): Promise<Resolved<ExemptionTarget[]>> {
    const states = await this.cached(`policy|${r.subscriptionId.toLowerCase()}|${definition.toLowerCase()}`, () => this.policyStates(r.subscriptionId, definition));
    const resource = r.resourceId.toLowerCase();
    const byAssignment = new Map<string, Set<string>>();
    for (const s of states) {
      // Management-group assignments reach every subscription below them; narrower ones must contain the resource.
      const scope = s.assignmentScope.toLowerCase();
      const covers = MANAGEMENT_GROUP.test(scope) || resource === scope || resource.startsWith(`${scope}/`);
      if (!covers) continue;
      const refs = byAssignment.get(s.assignmentId) ?? new Set<string>();
      if (s.referenceId) refs.add(s.referenceId);
      byAssignment.set(s.assignmentId, refs);
    }
    if (byAssignment.size === 0) {
      return refuse(`no Azure Policy assignment on subscription ${r.subscriptionId} or its management groups evaluates this recommendation's policy (${definition})`);
    }
    const targets = [...byAssignment]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([policyAssignmentId, refs]): ExemptionTarget => ({ kind: 'policy', policyAssignmentId, policyDefinitionReferenceIds: [...refs].sort() }));
    return { ok: true, value: targets };
  }

  private async standardTargets(r: RecommendationRef, scope: string): Promise<Resolved<ExemptionTarget[]>> {
    const standards = await this.cached(`standards|${scope.toLowerCase()}`, () => this.options.standards.assignedAt(scope));
    const key = r.assessmentKey.toLowerCase();
    const targets = standards.filter((s) => s.assessmentKeys.has(key)).map((s): ExemptionTarget => ({ kind: 'standard', standardId: s.standardId }));
    if (targets.length === 0) return refuse(`no Defender for Cloud security standard assigned at ${scope} lists this recommendation (${r.assessmentKey})`);
    return { ok: true, value: targets };
  }

  /** The assessment's policy metadata, for findings stored before the feed carried it. */
  private async policyDefinitionOf(assessmentId: string): Promise<string | undefined> {
    const result = await this.options.runner.run({
      id: 'writeback-assessment-policy',
      source: 'resourcegraph',
      text: [
        'securityresources',
        '| where type == "microsoft.security/assessments"',
        `| where id =~ ${kustoString(assessmentId)}`,
        '| project PolicyDefinitionId = tostring(properties.metadata.policyDefinitionId)',
      ].join('\n'),
    });
    return rows(result).map((r) => String(r.PolicyDefinitionId ?? '')).find(Boolean);
  }

  /** Which assignments (and initiative reference ids) evaluate a policy definition in a subscription. */
  private async policyStates(subscriptionId: string, definition: string): Promise<PolicyState[]> {
    const result = await this.options.runner.run({
      id: 'writeback-policy-assignments',
      source: 'resourcegraph',
      text: [
        'policyresources',
        '| where type == "microsoft.policyinsights/policystates"',
        `| where subscriptionId =~ ${kustoString(subscriptionId)}`,
        `| where tolower(tostring(properties.policyDefinitionId)) == ${kustoString(definition.toLowerCase())}`,
        '| extend PolicyAssignmentId = tostring(properties.policyAssignmentId), PolicyAssignmentScope = tostring(properties.policyAssignmentScope),',
        '    PolicyDefinitionReferenceId = tostring(properties.policyDefinitionReferenceId)',
        '| distinct PolicyAssignmentId, PolicyAssignmentScope, PolicyDefinitionReferenceId',
      ].join('\n'),
    });
    return rows(result)
      .map((r) => ({ assignmentId: String(r.PolicyAssignmentId ?? ''), assignmentScope: String(r.PolicyAssignmentScope ?? ''), referenceId: String(r.PolicyDefinitionReferenceId ?? '') }))
      .filter((s) => s.assignmentId && s.assignmentScope);
  }

  /** Reuses a lookup for the TTL; a failed one is forgotten at once so the next decision asks again. */
  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.options.clock.now().getTime();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = load();
    this.cache.set(key, { at: now, value });
    value.catch(() => this.cache.get(key)?.value === value && this.cache.delete(key));
    return value;
  }
}

function refuse(reason: string): Resolved<ExemptionTarget[]> {
  return { ok: false, reason };
}

function rows(result: QueryResult): Record<string, unknown>[] {
  return result.rows.map((values) => Object.fromEntries(result.columns.map((c, i) => [c.name, values[i]])));
}
