import { findingKey, type Finding } from '../../domain/finding';
import { severityFromDefender } from '../../domain/findings';
import { date, props, resourceOf, text, type ResourceLookup, type Row } from './common';

/** Governance assignment facts for one assessment (ARG `microsoft.security/assessments/governanceassignments`). */
export interface Governance {
  owner?: string;
  dueDate?: string;
  /** The assignment's key (its name): triage tells the bot's own write-backs from Defender's assignments by it. */
  key?: string;
}

/** The assessment id a governance assignment row belongs to (ARG adds `assignedResourceId`). */
export function governanceOf(row: Row): { assessmentId: string; governance: Governance } {
  const p = props(row);
  const assessmentId = text(p.assignedResourceId) || text(row.id).replace(/\/governanceAssignments\/[^/]+$/i, '');
  const key = text(row.name) || text(row.id).split('/').at(-1) || undefined;
  return { assessmentId: assessmentId.toLowerCase(), governance: { owner: text(p.owner) || undefined, dueDate: text(p.remediationDueDate) || undefined, key } };
}

/**
 * A Resource Graph `microsoft.security/assessments` row → Finding keyed by assessment name + resource id.
 * Unhealthy is active; Healthy and NotApplicable are resolved.
 */
export function recommendationFinding(row: Row, lookup: ResourceLookup, governance?: Governance): Finding {
  const p = props(row);
  const details = (p.resourceDetails ?? {}) as Record<string, unknown>;
  const status = (p.status ?? {}) as Record<string, unknown>;
  const meta = (p.metadata ?? {}) as Record<string, unknown>;
  const links = (p.links ?? {}) as Record<string, unknown>;
  const resourceId = text(details.Id ?? details.id) || text(row.id).replace(/\/providers\/Microsoft\.Security\/assessments\/.*$/i, '');
  const code = text(status.code, 'Unhealthy');
  const first = date(status.firstEvaluationDate, new Date(0));
  return {
    key: findingKey('recommendation', text(row.name), resourceId),
    kind: 'recommendation',
    tenantId: text(row.tenantId),
    title: text(p.displayName || meta.displayName, 'AI recommendation'),
    severity: severityFromDefender(meta.severity),
    resource: resourceOf(resourceId, lookup),
    status: code === 'Unhealthy' ? 'active' : 'resolved',
    firstSeen: first,
    lastSeen: date(status.statusChangeDate, first),
    details: {
      assessmentId: text(row.id),
      // Where an exemption goes: the Azure Policy behind it, or (AWS, GCP, custom) Defender's security standards.
      policyDefinitionId: text(meta.policyDefinitionId) || undefined,
      cloud: text(details.Source ?? details.source) || undefined,
      defenderStatus: code,
      description: text(meta.description),
      remediation: text(meta.remediationDescription),
      cause: text(status.description || status.cause) || undefined,
      portalUrl: text(links.azurePortal) ? `https://${text(links.azurePortal).replace(/^https?:\/\//, '')}` : 'https://portal.azure.com/#view/Microsoft_Azure_Security/SecurityMenuBlade/~/5',
      governanceOwner: governance?.owner,
      governanceAssignmentKey: governance?.key,
      dueDate: governance?.dueDate,
    },
    version: 1,
  };
}

export function recommendationChangedAt(row: Row): Date {
  const status = (props(row).status ?? {}) as Record<string, unknown>;
  return date(status.statusChangeDate, new Date(0));
}
