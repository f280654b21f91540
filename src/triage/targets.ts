import { createHash } from 'node:crypto';
import type { Finding } from '../domain/finding';
import type { DefenderWrite, ExemptionTarget, RecommendationRef, Resolved } from '../domain/triage/ports';
import type { TriageVerb, WriteBackEffect } from '../domain/triage/types';

/** A stable GUID-shaped key per finding, so a re-sent PUT replaces the same assignment/exemption (idempotent). */
export function stableGuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The key the bot's governance assignment for a finding has (one per finding: a re-sent PUT replaces it). */
export const governanceAssignmentKey = (f: Pick<Finding, 'key'>): string => stableGuid(`governance:${f.key}`);

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const ASSESSMENT = /^(\/subscriptions\/([^/]+)\/.+)\/providers\/Microsoft\.Security\/assessments\/([^/]+)$/i;
const ALERT = /^\/subscriptions\/[^/]+(?:\/resourceGroups\/[^/]+)?\/providers\/Microsoft\.Security\/locations\/[^/]+\/alerts\/[^/]+$/i;

/**
 * The alert's ARM id exactly as Resource Graph gives it (the feed keeps the row's `id`). It is never rebuilt from
 * the portal's AlertUri: Microsoft's own examples show the two differ.
 */
export function alertArmId(f: Finding): string | undefined {
  const id = text(f.details.alertArmId);
  return ALERT.test(id) ? id : undefined;
}

/** The recommendation's facts that decide where its exemption goes (from the stored finding, never from card data). */
export function recommendationRef(f: Finding): RecommendationRef | undefined {
  if (f.kind !== 'recommendation') return undefined;
  const m = ASSESSMENT.exec(text(f.details.assessmentId));
  if (!m) return undefined;
  const [assessmentId, resourceId, subscriptionId, assessmentKey] = m as unknown as [string, string, string, string];
  const policyDefinitionId = text(f.details.policyDefinitionId) || undefined;
  return { assessmentId, assessmentKey, resourceId, subscriptionId, cloud: text(f.details.cloud) || 'Azure', ...(policyDefinitionId ? { policyDefinitionId } : {}) };
}

/** Verbs whose decision may create or delete a recommendation's exemption: their targets are looked up first. */
const EXEMPTING_VERBS: ReadonlySet<string> = new Set<TriageVerb>(['accept_risk', 'compensating_control', 'approve', 'reopen']);

export function needsExemptionTargets(f: Finding, verb: string): boolean {
  return f.kind === 'recommendation' && EXEMPTING_VERBS.has(verb);
}

/** What a decision sends to Defender, and what it cannot send (said on the card, recorded in the register). */
export interface WritePlan {
  writes: DefenderWrite[];
  notWritten: { effect: WriteBackEffect['type']; reason: string }[];
}

/**
 * Turns a decision's effects into concrete writes with exact Azure ids. `exemption` holds the recommendation's
 * resolved exemption targets (looked up before the decision); an effect without a target is "not written" with
 * the reason, never guessed.
 */
export function planWrites(f: Finding, effects: readonly WriteBackEffect[], decidedBy: string, exemption?: Resolved<ExemptionTarget[]>): WritePlan {
  const plan: WritePlan = { writes: [], notWritten: [] };
  const refuse = (e: WriteBackEffect, reason: string) => plan.notWritten.push({ effect: e.type, reason });
  for (const e of effects) {
    if (e.type === 'alert_state') {
      const alertId = alertArmId(f);
      if (alertId) plan.writes.push({ type: 'alert_state', alertId, state: e.state });
      else refuse(e, "the alert's Azure resource id is unknown (its Resource Graph row had none)");
      continue;
    }
    const ref = recommendationRef(f);
    if (!ref) {
      refuse(e, "the recommendation's assessment id is unknown");
      continue;
    }
    if (e.type === 'governance_assignment') {
      plan.writes.push({ type: 'governance_assignment', assessmentId: ref.assessmentId, assignmentKey: governanceAssignmentKey(f), owner: e.owner, remediationDueDate: e.remediationDueDate, isGracePeriod: e.isGracePeriod });
      continue;
    }
    if (!exemption) {
      refuse(e, 'its exemption targets were not looked up');
      continue;
    }
    if (!exemption.ok) {
      refuse(e, exemption.reason);
      continue;
    }
    for (const target of exemption.value) plan.writes.push(exemptionWrite(f, ref, e, target, decidedBy));
  }
  return plan;
}

type ExemptionEffect = Extract<WriteBackEffect, { type: 'exemption' | 'exemption_delete' }>;

function exemptionWrite(f: Finding, ref: RecommendationRef, e: ExemptionEffect, target: ExemptionTarget, decidedBy: string): DefenderWrite {
  const scope = ref.resourceId;
  const label = e.type === 'exemption' ? `${e.category === 'Waiver' ? 'Risk accepted' : 'Compensating control'}: ${f.title}`.slice(0, 128) : '';
  if (target.kind === 'standard') {
    // One standard assignment per finding and standard; its name must be a GUID.
    const name = stableGuid(`standard-exemption:${f.key}|${target.standardId.toLowerCase()}`);
    if (e.type === 'exemption_delete') return { type: 'standard_exemption_delete', scope, name };
    return { type: 'standard_exemption', scope, name, standardId: target.standardId, assessmentKey: ref.assessmentKey, category: e.category, expiresOn: e.expiresOn, displayName: label, description: e.justification.slice(0, 1024) };
  }
  const name = `ai-posture-bot-${stableGuid(`exemption:${f.key}|${target.policyAssignmentId.toLowerCase()}`).slice(0, 13)}`;
  if (e.type === 'exemption_delete') return { type: 'exemption_delete', scope, name };
  return {
    type: 'exemption',
    scope,
    name,
    policyAssignmentId: target.policyAssignmentId,
    policyDefinitionReferenceIds: target.policyDefinitionReferenceIds,
    category: e.category,
    expiresOn: e.expiresOn,
    displayName: label,
    description: e.justification.slice(0, 1024),
    metadata: { requestedBy: e.requestedBy, approvedBy: e.approvedBy.join(', '), decidedBy, assessmentKey: ref.assessmentKey, source: 'ai-posture-bot', findingKey: f.key },
  };
}
