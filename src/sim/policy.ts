import { policyresources } from '../schemas';
import { CONNECTORS } from './constants';
import { RECOMMENDATIONS } from './recommendation-catalog';
import { policyDefinitionId, type Assessment } from './recommendations';
import { stableGuid } from './rng';
import { iso, resourceRecord, type Row } from './rows';

/**
 * Contoso Bank's policy landscape, as Defender for Cloud sees it: the Microsoft cloud security benchmark is
 * assigned once at the root management group (so its initiative reaches every subscription from above), and
 * the same benchmark is the Defender standard assigned on the AWS and GCP connectors. Its initiative and its
 * standard share Microsoft's id.
 */
export const MCSB_ID = '1f3afdf9-d0c9-4c3d-847f-89da613e70a8';
export const ROOT_MANAGEMENT_GROUP = '/providers/Microsoft.Management/managementGroups/contoso-bank';
export const MCSB_ASSIGNMENT_ID = `${ROOT_MANAGEMENT_GROUP}/providers/Microsoft.Authorization/policyAssignments/mcsb-contoso-bank`;
const MCSB_INITIATIVE_ID = `/providers/Microsoft.Authorization/policySetDefinitions/${MCSB_ID}`;

/**
 * The initiative's reference id of a recommendation's policy: the benchmark names its members by policy, not by
 * assessment key (e.g. "azureAiServicesResourcesShouldRestrictNetworkAccess").
 */
export function mcsbReferenceId(displayName: string): string {
  const words = displayName.replace(/\([^)]*\)/g, ' ').split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('').slice(0, 64);
}

const COMPLIANCE: Record<Assessment['code'], string> = { Unhealthy: 'NonCompliant', Healthy: 'Compliant', NotApplicable: 'Exempt' };

/** Azure Policy states (`microsoft.policyinsights/policystates`) of every Azure assessment under the benchmark. */
export function policyStateRows(assessments: readonly Assessment[]): Row[] {
  return assessments
    .filter((a) => a.profile.resource.cloud === 'Azure')
    .map((a) => {
      const r = a.profile.resource;
      const name = stableGuid(`policystate:${a.id}`);
      return resourceRecord(policyresources, r, {
        id: `${r.id}/providers/Microsoft.PolicyInsights/policyStates/${name}`,
        name,
        type: 'microsoft.policyinsights/policystates',
        properties: {
          resourceId: r.id,
          resourceType: r.armType,
          policyAssignmentId: MCSB_ASSIGNMENT_ID,
          policyAssignmentName: 'mcsb-contoso-bank',
          policyAssignmentScope: ROOT_MANAGEMENT_GROUP,
          policySetDefinitionId: MCSB_INITIATIVE_ID,
          policyDefinitionId: policyDefinitionId(a.def),
          policyDefinitionReferenceId: mcsbReferenceId(a.def.displayName),
          complianceState: COMPLIANCE[a.code],
          timestamp: iso(a.statusChangeDate),
        },
      });
    });
}

/** The Defender standards assigned at each multicloud connector, with the AWS/GCP assessment keys they list. */
export function securityStandards(): { scope: string; standardId: string; assessmentKeys: string[] }[] {
  const resourceType = { aws: 'bedrock', gcp: 'vertex' } as const;
  return (['aws', 'gcp'] as const).map((cloud) => {
    const c = CONNECTORS[cloud];
    const type = resourceType[cloud];
    return {
      scope: `/subscriptions/${c.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.Security/securityConnectors/${c.name}`,
      standardId: `/providers/Microsoft.Security/securityStandards/${MCSB_ID}`,
      assessmentKeys: RECOMMENDATIONS.filter((d) => d.appliesTo.includes(type)).map((d) => d.key),
    };
  });
}
