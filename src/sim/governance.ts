import { DEFAULT_ZONE_POLICIES } from '../domain/zones';
import { policyresources, securityresources } from '../schemas';
import { OWNERS } from './constants';
import type { Assessment } from './recommendations';
import type { Rng } from './rng';
import { DAY, HOUR, iso, resourceRecord, type Row } from './rows';

export interface Exemption {
  name: string;
  assessment: Assessment;
  category: 'Waiver' | 'Mitigated';
  expiresOn: Date;
  createdOn: Date;
  description: string;
  justification: string;
  requestedBy: string;
  approvedBy: string;
}

interface ExemptionPlan {
  resource: string;
  recommendation: RegExp;
  category: 'Waiver' | 'Mitigated';
  /** Days from now (negative: already expired). */
  expiresInDays: number;
  createdDaysAgo: number;
  description: string;
  justification: string;
  approvedBy: string;
}

/** Risk acceptances and compensating controls on file; one expires within 7 days, one has expired. */
const PLANS: readonly ExemptionPlan[] = [
  { resource: 'oai-fraud-detection-dev', recommendation: /restrict network access/, category: 'Waiver', expiresInDays: 5, createdDaysAgo: 85, description: 'Dev endpoint reachable from the developer VPN only through the corporate proxy', justification: 'Development copy with synthetic data only; network restriction planned with the dev platform migration.', approvedBy: OWNERS.priya.upn },
  { resource: 'oai-chatbot-staging', recommendation: /key access disabled/, category: 'Mitigated', expiresInDays: 60, createdDaysAgo: 40, description: 'API keys held only by API Management and rotated every 30 days', justification: 'APIM fronts the staging endpoint with Entra ID auth for testers; the key never leaves Key Vault.', approvedBy: OWNERS.omar.upn },
  { resource: 'ais-contact-center-prod', recommendation: /Private Link/, category: 'Mitigated', expiresInDays: 30, createdDaysAgo: 55, description: 'Traffic restricted to the contact-center ExpressRoute egress by IP rules', justification: 'Vendor telephony platform cannot use Private Link yet; IP allow-list and Defender for AI monitoring in place. Approved by the Model Risk Committee.', approvedBy: OWNERS.aisha.upn },
  { resource: 'mlw-churn-analytics-dev', recommendation: /disable public network access/, category: 'Waiver', expiresInDays: -3, createdDaysAgo: 93, description: 'Temporary public access for a vendor proof of concept', justification: 'Vendor PoC ended; waiver lapsed and the workspace is still public.', approvedBy: OWNERS.david.upn },
  { resource: 'bedrock-claims-summarizer', recommendation: /PrivateLink/, category: 'Waiver', expiresInDays: 120, createdDaysAgo: 20, description: 'Subsidiary AWS account migrates to PrivateLink in Q4', justification: 'Acquired subsidiary; network integration tracked in the integration programme.', approvedBy: OWNERS.omar.upn },
];

const wholeHour = (t: number): number => Math.floor(t / HOUR) * HOUR;

/** Picks the exempted assessments and marks the ones still in force NotApplicable / Exempt, as Defender does. */
export function applyExemptions(now: Date, assessments: Assessment[]): Exemption[] {
  const out: Exemption[] = [];
  for (const plan of PLANS) {
    const a = assessments.find((x) => x.profile.resource.name === plan.resource && plan.recommendation.test(x.def.displayName) && x.code === 'Unhealthy');
    if (!a) continue;
    const expiresOn = new Date(wholeHour(now.getTime() + plan.expiresInDays * DAY));
    const createdOn = new Date(wholeHour(now.getTime() - plan.createdDaysAgo * DAY));
    out.push({
      name: `exempt-${plan.resource}-${a.def.key.slice(0, 8)}`,
      assessment: a,
      category: plan.category,
      expiresOn,
      createdOn,
      description: plan.description,
      justification: plan.justification,
      requestedBy: a.profile.resource.owner,
      approvedBy: plan.approvedBy,
    });
    if (expiresOn > now) {
      a.code = 'NotApplicable';
      a.cause = 'Exempt';
      a.statusDescription = 'Exempt';
      a.statusChangeDate = createdOn;
    }
  }
  return out;
}

export function exemptionRows(exemptions: readonly Exemption[]): Row[] {
  return exemptions.map((e) => {
    const r = e.assessment.profile.resource;
    return resourceRecord(policyresources, r, {
      id: `${r.id}/providers/Microsoft.Authorization/policyExemptions/${e.name}`,
      name: e.name,
      type: 'microsoft.authorization/policyexemptions',
      properties: {
        policyAssignmentId: `/subscriptions/${r.subscriptionId}/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn`,
        policyDefinitionReferenceIds: [e.assessment.def.key],
        exemptionCategory: e.category,
        displayName: e.description,
        description: e.justification,
        expiresOn: iso(e.expiresOn),
        assignmentScopeValidation: 'Default',
        resourceSelectors: [],
        metadata: {
          requestedBy: e.requestedBy,
          approvedBy: e.approvedBy,
          approvedOn: iso(e.createdOn),
          assessmentKey: e.assessment.def.key,
          ticketRef: `RISK-${2400 + (e.name.length * 13) % 500}`,
        },
      },
    });
  });
}

const SEVERITY = { Low: 'low', Medium: 'medium', High: 'high' } as const;

/** Governance assignments (owner + due date from the zone SLA) on most unhealthy findings; some overdue. */
export function governanceRows(rng: Rng, now: Date, assessments: readonly Assessment[]): Row[] {
  const rows: Row[] = [];
  for (const a of assessments) {
    if (a.code !== 'Unhealthy' || !rng.chance(0.65)) continue;
    const r = a.profile.resource;
    const policy = DEFAULT_ZONE_POLICIES[r.zone];
    const assigned = new Date(Math.max(a.statusChangeDate.getTime(), now.getTime() - rng.int(1, 60) * DAY));
    const due = new Date(assigned.getTime() + policy.remediationSlaHours[SEVERITY[a.def.severity]] * HOUR);
    const inGrace = policy.gracePeriodDays > 0 && now.getTime() < assigned.getTime() + policy.gracePeriodDays * DAY;
    const key = rng.guid();
    const ticket = 40000 + rng.int(0, 9999);
    rows.push(
      resourceRecord(securityresources, r, {
        id: `${a.id}/governanceAssignments/${key}`,
        name: key,
        type: 'microsoft.security/assessments/governanceassignments',
        properties: {
          owner: r.owner,
          remediationDueDate: iso(due),
          ...(rng.chance(0.3) ? { remediationEta: { eta: iso(new Date(due.getTime() + rng.int(3, 20) * DAY)), justification: 'Waiting for the platform change window.' } } : {}),
          isGracePeriod: inGrace,
          governanceEmailNotification: { disableManagerEmailNotification: false, disableOwnerEmailNotification: false },
          additionalData: { ticketNumber: ticket, ticketLink: `https://contoso.service-now.com/nav_to.do?uri=incident.do?sysparm_query=number=INC00${ticket}`, ticketStatus: 'Active' },
          // ARG adds the id of the assessment the assignment belongs to (Microsoft's CSPM workbook joins on it).
          assignedResourceId: a.id,
        },
      }),
    );
  }
  return rows;
}
