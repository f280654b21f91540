import { SecurityRecommendation, securityresources } from '../schemas';
import { RECOMMENDATIONS, type RecommendationDefinition } from './recommendation-catalog';
import type { ResourceProfile } from './resources';
import { Rng, stableGuid } from './rng';
import { DAY, HOUR, iso, makeRow, resourceRecord, type Row } from './rows';

export type AssessmentCode = 'Healthy' | 'Unhealthy' | 'NotApplicable';

/** One recommendation evaluated on one resource: the unit behind an assessment row. */
export interface Assessment {
  /** `{resourceId}/providers/Microsoft.Security/assessments/{key}` */
  id: string;
  def: RecommendationDefinition;
  profile: ResourceProfile;
  code: AssessmentCode;
  cause?: string;
  statusDescription?: string;
  firstEvaluationDate: Date;
  statusChangeDate: Date;
}

function applies(def: RecommendationDefinition, p: ResourceProfile): boolean {
  const r = p.resource;
  if (!def.appliesTo.includes(r.type)) return false;
  if (def.foundryKind && r.kind !== def.foundryKind) return false;
  if (r.type === 'vertex') {
    const workbench = p.nativeType === 'GCP::Notebooks::Instance';
    return workbench === /Workbench/.test(def.displayName);
  }
  return true;
}

/** Evaluates every applicable AI recommendation on every resource. Configuration-driven where it can be. */
export function evaluateAssessments(rng: Rng, now: Date, profiles: readonly ResourceProfile[]): Assessment[] {
  const out: Assessment[] = [];
  for (const p of profiles) {
    for (const def of RECOMMENDATIONS) {
      if (!applies(def, p)) continue;
      const created = p.resource.createdAt.getTime();
      const first = new Date(Math.max(created + 6 * HOUR, now.getTime() - 400 * DAY));
      let code: AssessmentCode;
      let cause: string | undefined;
      let statusDescription: string | undefined;
      if (def.offByDefault) {
        code = 'NotApplicable';
        cause = 'OffByPolicy';
        statusDescription = 'The effective policy for the assessment was evaluated to off - use Microsoft.Authorization/policyAssignments to turn this assessment on';
      } else if (def.unhealthyWhen === 'publicNetwork') {
        code = p.publicNetwork ? 'Unhealthy' : 'Healthy';
      } else if (def.unhealthyWhen === 'localAuth') {
        code = p.localAuth ? 'Unhealthy' : 'Healthy';
      } else {
        code = rng.chance(p.resource.zone === 3 ? 0.35 : 0.5) ? 'Unhealthy' : 'Healthy';
      }
      // Unhealthy findings on older resources have been open for a while; new resources changed recently.
      const span = now.getTime() - first.getTime();
      const change = new Date(first.getTime() + Math.floor(rng.next() * span * (code === 'Unhealthy' ? 0.9 : 1)));
      out.push({
        id: `${p.resource.id}/providers/Microsoft.Security/assessments/${def.key}`,
        def,
        profile: p,
        code,
        ...(cause ? { cause } : {}),
        ...(statusDescription ? { statusDescription } : {}),
        firstEvaluationDate: first,
        statusChangeDate: change,
      });
    }
  }
  return out;
}

/** Risk level Defender's risk-based prioritisation would give: severity raised by exposure and zone. */
function riskOf(a: Assessment): { level: string; riskFactors: string[] } {
  const factors: string[] = [];
  if (a.profile.publicNetwork) factors.push('Internet exposure');
  if (a.profile.resource.zone === 3) factors.push('Sensitive data');
  if (a.def.categories.includes('IdentityAndAccess')) factors.push('Key-based authentication');
  const base = { Low: 0, Medium: 1, High: 2 }[a.def.severity] + factors.length - 1;
  const level = a.code !== 'Unhealthy' ? 'Low' : (['Low', 'Medium', 'High', 'Critical'][Math.max(0, Math.min(3, base))] as string);
  return { level, riskFactors: factors };
}

function resourceDetails(p: ResourceProfile): Record<string, unknown> {
  const r = p.resource;
  // ARG keeps resourceDetails PascalCase (Microsoft's ARG samples read properties.resourceDetails.Source / .Id).
  if (r.cloud === 'AWS') return { Source: 'Aws', Id: r.id, AwsResourceId: p.nativeId, ConnectorId: r.id.split('/securityEntityData/')[0], Region: r.location, ResourceName: r.name, ResourceType: p.nativeType, ResourceProvider: 'aws' };
  if (r.cloud === 'GCP') return { Source: 'Gcp', Id: r.id, GcpResourceId: p.nativeId, ConnectorId: r.id.split('/securityEntityData/')[0], Region: r.location, ResourceName: r.name, ResourceType: p.nativeType, ResourceProvider: 'gcp' };
  return { Source: 'Azure', Id: r.id, ResourceName: r.name, ResourceType: r.armType, ResourceProvider: r.armType.split('/')[0] };
}

export const portalLink = (key: string): string => `https://portal.azure.com/#blade/Microsoft_Azure_Security/RecommendationsBlade/assessmentKey/${key}`;
/** The Azure Policy definition behind a simulated recommendation (its assessment metadata's policyDefinitionId). */
export const policyDefinitionId = (def: Pick<RecommendationDefinition, 'displayName'>): string => `/providers/Microsoft.Authorization/policyDefinitions/${stableGuid(`policy:${def.displayName}`)}`;

export function assessmentProperties(a: Assessment): Record<string, unknown> {
  const d = a.def;
  return {
    displayName: d.displayName,
    resourceDetails: resourceDetails(a.profile),
    status: {
      code: a.code,
      ...(a.cause ? { cause: a.cause } : {}),
      ...(a.statusDescription ? { description: a.statusDescription } : {}),
      firstEvaluationDate: iso(a.firstEvaluationDate),
      statusChangeDate: iso(a.statusChangeDate),
    },
    metadata: {
      displayName: d.displayName,
      assessmentType: 'BuiltIn',
      severity: d.severity,
      description: d.description,
      remediationDescription: `Follow the remediation steps of "${d.displayName}" in Defender for Cloud.`,
      categories: [...d.categories],
      threats: [...d.threats],
      userImpact: 'Low',
      implementationEffort: d.categories.includes('Networking') ? 'Moderate' : 'Low',
      policyDefinitionId: policyDefinitionId(d),
      preview: /\(Preview\)/.test(d.displayName),
    },
    risk: riskOf(a),
    links: { azurePortal: portalLink(d.key) },
    additionalData: {},
  };
}

export function assessmentRows(assessments: readonly Assessment[]): Row[] {
  return assessments.map((a) => {
    const r = a.profile.resource;
    return resourceRecord(securityresources, r, { id: a.id, name: a.def.key, type: 'microsoft.security/assessments', properties: assessmentProperties(a) });
  });
}

/** SecurityRecommendation (continuous export): the latest state of each assessment, exported in the last day. */
export function recommendationRows(rng: Rng, now: Date, assessments: readonly Assessment[]): Row[] {
  return assessments.map((a) => {
    const r = a.profile.resource;
    const props = assessmentProperties(a);
    const generated = new Date(Math.max(a.statusChangeDate.getTime(), now.getTime() - rng.int(1, 20) * HOUR));
    return makeRow(SecurityRecommendation, {
      AssessedResourceId: r.id,
      _BilledSize: 1800,
      Description: a.def.description,
      DeviceId: null,
      DiscoveredTimeUTC: a.firstEvaluationDate,
      Environment: r.cloud,
      FirstEvaluationDate: a.firstEvaluationDate,
      _IsBillable: 'False',
      IsSnapshot: false,
      PolicyDefinitionId: r.cloud === 'Azure' ? policyDefinitionId(a.def) : null,
      Properties: { ...props, id: a.id },
      ProviderName: 'Azure Security Center',
      RecommendationAdditionalData: {},
      RecommendationDisplayName: a.def.displayName,
      RecommendationId: a.def.key,
      RecommendationName: a.def.displayName,
      RecommendationSeverity: a.def.severity,
      RecommendationState: a.code,
      ResolvedTimeUTC: a.code === 'Healthy' ? a.statusChangeDate : null,
      ResourceRegion: r.location,
      StatusChangeDate: a.statusChangeDate,
      TimeGenerated: generated,
      Type: 'SecurityRecommendation',
    });
  });
}
