import { createHash } from 'node:crypto';
import type { Finding } from '../domain/finding';
import type { DefenderWrite } from '../domain/triage/ports';
import type { WriteBackEffect } from '../domain/triage/types';

/** A stable GUID-shaped key per finding, so a re-sent PUT replaces the same assignment/exemption (idempotent). */
export function stableGuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The key the bot's governance assignment for a finding has (one per finding: a re-sent PUT replaces it). */
export const governanceAssignmentKey = (f: Pick<Finding, 'key'>): string => stableGuid(`governance:${f.key}`);

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The alert's ARM id. Findings carry Defender's AlertUri, whose documented form names the alert, subscription,
 * resource group and location: …/alertId/{name}/subscriptionId/{sub}/resourceGroup/{rg}/…/location/{loc}.
 */
export function alertArmId(f: Finding): string | undefined {
  const explicit = text(f.details.alertArmId);
  if (explicit) return explicit;
  const url = text(f.details.portalUrl);
  const part = (name: string) => new RegExp(`/${name}/([^/?#]+)`, 'i').exec(url)?.[1];
  const [name, sub, rg, loc] = [part('alertId'), part('subscriptionId'), part('resourceGroup'), part('location')];
  if (!name || !sub || !loc) return undefined;
  const scope = rg ? `/subscriptions/${sub}/resourceGroups/${rg}` : `/subscriptions/${sub}`;
  return `${scope}/providers/Microsoft.Security/locations/${loc}/alerts/${decodeURIComponent(name)}`;
}

/** The assessment's ARM id ({resourceId}/providers/Microsoft.Security/assessments/{name}). */
export function assessmentArmId(f: Finding): string | undefined {
  return text(f.details.assessmentId) || undefined;
}

const subscriptionOf = (id: string) => /\/subscriptions\/([^/]+)/i.exec(id)?.[1];

/**
 * Turns a decision's effects into concrete writes with Azure ids. Effects with no Defender counterpart (a
 * claim on an alert or an attack path) return nothing: the register alone records them.
 */
export function writesFor(f: Finding, effects: readonly WriteBackEffect[], decidedBy: string): DefenderWrite[] {
  const out: DefenderWrite[] = [];
  for (const e of effects) {
    if (e.type === 'alert_state') {
      const alertId = f.kind === 'alert' ? alertArmId(f) : undefined;
      if (alertId) out.push({ type: 'alert_state', alertId, state: e.state });
      continue;
    }
    const assessmentId = f.kind === 'recommendation' ? assessmentArmId(f) : undefined;
    if (!assessmentId) continue;
    const assessmentName = assessmentId.split('/').at(-1)!;
    const scope = f.resource.id;
    const exemptionName = `ai-posture-bot-${stableGuid(`exemption:${f.key}`).slice(0, 13)}`;
    if (e.type === 'governance_assignment') {
      out.push({ type: 'governance_assignment', assessmentId, assignmentKey: governanceAssignmentKey(f), owner: e.owner, remediationDueDate: e.remediationDueDate, isGracePeriod: e.isGracePeriod });
    } else if (e.type === 'exemption') {
      const sub = subscriptionOf(scope) ?? '';
      out.push({
        type: 'exemption',
        scope,
        name: exemptionName,
        // Defender's recommendations come from the built-in initiative assignment; the definition reference id is
        // the assessment name unless the finding carries the initiative's own reference id.
        policyAssignmentId: text(f.details.policyAssignmentId) || `/subscriptions/${sub}/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn`,
        policyDefinitionReferenceIds: [text(f.details.policyDefinitionReferenceId) || assessmentName],
        category: e.category,
        expiresOn: e.expiresOn,
        displayName: `${e.category === 'Waiver' ? 'Risk accepted' : 'Compensating control'}: ${f.title}`.slice(0, 128),
        description: e.justification.slice(0, 1024),
        metadata: { requestedBy: e.requestedBy, approvedBy: e.approvedBy.join(', '), decidedBy, assessmentKey: assessmentName, source: 'ai-posture-bot', findingKey: f.key },
      });
    } else {
      out.push({ type: 'exemption_delete', scope, name: exemptionName });
    }
  }
  return out;
}
