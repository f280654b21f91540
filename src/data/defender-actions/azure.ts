import { PermanentWriteError, type DefenderActions, type DefenderWrite } from '../../domain/triage/ports';
import { ArmClients, classify, type ArmOptions } from './arm';
import type { AssignedStandard, SecurityStandards } from './exemption-targets';

/** Governance assignments exist only in this preview API; @azure/arm-security 5 has no operations for them. */
export const GOVERNANCE_API_VERSION = '2022-01-01-preview';
/** @azure/arm-policy 6 dropped the policyExemptions operations; this is the current exemptions API. */
export const EXEMPTIONS_API_VERSION = '2022-07-01-preview';
/** Defender for Cloud's security standards and standard assignments (exemptions for AWS, GCP, custom standards). */
export const STANDARDS_API_VERSION = '2024-08-01';

export type AzureDefenderActionsOptions = ArmOptions;

type Write<T extends DefenderWrite['type']> = Extract<DefenderWrite, { type: T }>;

/**
 * Writes triage decisions to Azure: Defender governance assignments, Azure Policy exemptions and Defender
 * standard-assignment exemptions as raw requests through the SDK clients' own pipelines (auth, retry and
 * throttling policies included), and alert state changes through @azure/arm-security's alerts operations.
 * Each write addresses the exact resource the targets resolved (src/triage/targets.ts).
 */
export class AzureDefenderActions implements DefenderActions {
  readonly kind = 'azure';
  readonly arm: ArmClients;

  constructor(options: AzureDefenderActionsOptions) {
    this.arm = new ArmClients(options);
  }

  async apply(w: DefenderWrite): Promise<void> {
    switch (w.type) {
      case 'governance_assignment':
        return this.governance(w);
      case 'exemption':
        return this.exemption(w);
      case 'exemption_delete':
        await this.arm.send(this.arm.policy, 'DELETE', exemptionPath(w), EXEMPTIONS_API_VERSION, undefined, 'Policy exemption removal', [404]);
        return;
      case 'standard_exemption':
        return this.standardExemption(w);
      case 'standard_exemption_delete':
        await this.arm.send(this.arm.securityFor(w.scope), 'DELETE', standardAssignmentPath(w), STANDARDS_API_VERSION, undefined, 'Standard exemption removal', [404]);
        return;
      case 'alert_state':
        return this.alertState(w);
    }
  }

  private async governance(w: Write<'governance_assignment'>): Promise<void> {
    const body = {
      properties: {
        owner: w.owner,
        remediationDueDate: w.remediationDueDate,
        isGracePeriod: w.isGracePeriod,
        governanceEmailNotification: { disableManagerEmailNotification: false, disableOwnerEmailNotification: false },
      },
    };
    await this.arm.send(this.arm.securityFor(w.assessmentId), 'PUT', `${w.assessmentId}/governanceAssignments/${w.assignmentKey}`, GOVERNANCE_API_VERSION, body, 'Governance assignment');
  }

  private async exemption(w: Write<'exemption'>): Promise<void> {
    const body = {
      properties: {
        policyAssignmentId: w.policyAssignmentId,
        // A single-policy assignment has no initiative references to name.
        ...(w.policyDefinitionReferenceIds.length > 0 ? { policyDefinitionReferenceIds: w.policyDefinitionReferenceIds } : {}),
        exemptionCategory: w.category,
        expiresOn: w.expiresOn,
        displayName: w.displayName,
        description: w.description,
        metadata: w.metadata,
      },
    };
    await this.arm.send(this.arm.policy, 'PUT', exemptionPath(w), EXEMPTIONS_API_VERSION, body, 'Policy exemption');
  }

  private async standardExemption(w: Write<'standard_exemption'>): Promise<void> {
    const body = {
      properties: {
        displayName: w.displayName,
        description: w.description,
        assignedStandard: { id: w.standardId },
        effect: 'Exempt',
        expiresOn: w.expiresOn,
        // The standard-assignment API spells its categories in lower case.
        exemptionData: { exemptionCategory: w.category === 'Waiver' ? 'waiver' : 'mitigated', assignedAssessment: { assessmentKey: w.assessmentKey } },
      },
    };
    await this.arm.send(this.arm.securityFor(w.scope), 'PUT', standardAssignmentPath(w), STANDARDS_API_VERSION, body, 'Standard exemption');
  }

  private async alertState(w: Write<'alert_state'>): Promise<void> {
    const m = /\/subscriptions\/[^/]+(?:\/resourceGroups\/([^/]+))?\/providers\/Microsoft\.Security\/locations\/([^/]+)\/alerts\/([^/]+)$/i.exec(w.alertId);
    if (!m) throw new PermanentWriteError(`not an alert id: ${w.alertId}`);
    const [, rg, location, name] = m as unknown as [string, string | undefined, string, string];
    const alerts = this.arm.securityFor(w.alertId).alerts;
    try {
      if (rg) {
        if (w.state === 'Resolve') await alerts.updateResourceGroupLevelStateToResolve(location, name, rg);
        else if (w.state === 'Dismiss') await alerts.updateResourceGroupLevelStateToDismiss(location, name, rg);
        else await alerts.updateResourceGroupLevelStateToActivate(location, name, rg);
      } else if (w.state === 'Resolve') await alerts.updateSubscriptionLevelStateToResolve(location, name);
      else if (w.state === 'Dismiss') await alerts.updateSubscriptionLevelStateToDismiss(location, name);
      else await alerts.updateSubscriptionLevelStateToActivate(location, name);
    } catch (err) {
      const e = err as { statusCode?: number; message?: string };
      throw classify(e.statusCode, `Alert ${w.state.toLowerCase()}`, e.message ?? String(err));
    }
  }
}

const exemptionPath = (w: { scope: string; name: string }) => `${w.scope}/providers/Microsoft.Authorization/policyExemptions/${w.name}`;
const standardAssignmentPath = (w: { scope: string; name: string }) => `${w.scope}/providers/Microsoft.Security/standardAssignments/${w.name}`;

/**
 * The standards assigned (effect Audit) at a security connector or subscription, with the assessments each lists:
 * `GET {scope}/providers/Microsoft.Security/standardAssignments` and `…/securityStandards` (api-version 2024-08-01).
 */
export class AzureSecurityStandards implements SecurityStandards {
  constructor(private readonly arm: ArmClients) {}

  async assignedAt(scope: string): Promise<AssignedStandard[]> {
    const client = this.arm.securityFor(scope);
    const assignments = await this.arm.list(client, `${scope}/providers/Microsoft.Security/standardAssignments`, STANDARDS_API_VERSION, 'Listing standard assignments');
    const standards = await this.arm.list(client, `${scope}/providers/Microsoft.Security/securityStandards`, STANDARDS_API_VERSION, 'Listing security standards');
    const keysOf = new Map(standards.map((s) => [lastSegment(String(s.id ?? s.name ?? '')), assessmentKeys(s)]));
    const out: AssignedStandard[] = [];
    for (const a of assignments) {
      const p = (a.properties ?? {}) as { effect?: string; assignedStandard?: { id?: string } };
      const standardId = p.assignedStandard?.id;
      // Exempt and Attest assignments are exceptions, not standards in force.
      if (!standardId || String(p.effect).toLowerCase() !== 'audit') continue;
      out.push({ standardId, assessmentKeys: keysOf.get(lastSegment(standardId)) ?? new Set() });
    }
    return out;
  }
}

const lastSegment = (id: string) => id.split('/').filter(Boolean).pop()?.toLowerCase() ?? '';

function assessmentKeys(standard: Record<string, unknown>): Set<string> {
  const list = ((standard.properties ?? {}) as { assessments?: { assessmentKey?: string }[] }).assessments ?? [];
  return new Set(list.map((a) => String(a.assessmentKey ?? '').toLowerCase()).filter(Boolean));
}
