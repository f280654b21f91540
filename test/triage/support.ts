import type { RunningBot } from '../../src/bot';
import type { Finding } from '../../src/domain/finding';
import { setLogLevel } from '../../src/log';
import { policyDefinitionId, TENANT_ID as SIM_TENANT } from '../../src/sim';
import { clickCard, startTestBot, type InvokeAnswer } from '../support/bot';

/** The Agents Playground's mock users (.m365agentsplayground.yml) with their roles in env/policy.local.json. */
export const PEOPLE = {
  priya: { id: 'user-id-0', name: 'Priya Shah', aadObjectId: '1a0b0c0d-0000-4000-8000-000000000001' },
  marcus: { id: 'user-id-1', name: 'Marcus Chen', aadObjectId: '1a0b0c0d-0000-4000-8000-000000000002' },
  elena: { id: 'user-id-2', name: 'Elena Rossi', aadObjectId: '1a0b0c0d-0000-4000-8000-000000000003' },
  david: { id: 'user-id-3', name: 'David Okafor', aadObjectId: '1a0b0c0d-0000-4000-8000-000000000004' },
  sarah: { id: 'user-id-4', name: 'Sarah Kim', aadObjectId: '1a0b0c0d-0000-4000-8000-000000000005' },
  tom: { id: 'user-id-5', name: 'Tom Becker', aadObjectId: '1a0b0c0d-0000-4000-8000-000000000006' },
  stranger: { id: 'user-id-9', name: 'Sam Stranger', aadObjectId: '9f0b0c0d-0000-4000-8000-000000000099' },
};
export type Person = keyof typeof PEOPLE;

export const NOW = new Date('2025-06-16T14:00:00.000Z');
export { SIM_TENANT };

/** The real bot on a free port with a clock the test moves. */
export function startTriageBot(clock: { now: () => Date }): Promise<RunningBot> {
  setLogLevel('silent');
  return startTestBot({}, clock);
}

const SUB = '3f8c2a71-5d4e-4b9a-9c1e-7a2b6d0e4f18';
export function recommendation(name: string, zone: 1 | 2 | 3, severity: Finding['severity'] = 'critical', tenantId = SIM_TENANT): Finding {
  const resourceId = `/subscriptions/${SUB}/resourceGroups/rg-fraud/providers/Microsoft.CognitiveServices/accounts/${name}`;
  const assessmentId = `${resourceId}/providers/Microsoft.Security/assessments/6b9421dd-5555-2251-9b3d-2be58e2f82cd`;
  return {
    key: `recommendation:6b9421dd-5555-2251-9b3d-2be58e2f82cd|${resourceId.toLowerCase()}`,
    kind: 'recommendation',
    tenantId,
    title: 'Azure AI Services resources should restrict network access',
    severity,
    resource: { id: resourceId, name, kind: 'Azure OpenAI', zone, zoneKnown: true, owner: 'priya.shah@contoso.com' },
    status: 'active',
    firstSeen: new Date('2025-06-10T10:00:00Z'),
    lastSeen: new Date('2025-06-16T10:00:00Z'),
    details: {
      assessmentId,
      defenderStatus: 'Unhealthy',
      description: 'Restrict network access.',
      portalUrl: 'https://portal.azure.com/',
      // As the feed stores it: the assessment metadata's policy (one the simulated benchmark assigns) and source.
      policyDefinitionId: policyDefinitionId({ displayName: 'Azure AI Services resources should restrict network access' }),
      cloud: 'Azure',
    },
    version: 1,
  };
}

export function alert(alertName: string, rg = 'rg-fraud'): Finding {
  const resourceId = `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.CognitiveServices/accounts/oai-fraud-detection-prod`;
  return {
    key: `alert:${alertName.toLowerCase()}`,
    kind: 'alert',
    tenantId: SIM_TENANT,
    title: 'A Jailbreak attempt on your Azure AI model deployment was detected',
    severity: 'high',
    resource: { id: resourceId, name: 'oai-fraud-detection-prod', kind: 'Azure OpenAI', zone: 3, zoneKnown: true, owner: 'priya.shah@contoso.com' },
    status: 'active',
    firstSeen: new Date('2025-06-16T09:00:00Z'),
    lastSeen: new Date('2025-06-16T09:05:00Z'),
    details: {
      alertArmId: `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Security/locations/centralus/alerts/${alertName}`,
      alertType: 'AI.Azure_Jailbreak.ContentFiltering.DetectedAttempt',
      description: 'Jailbreak attempt',
      portalUrl: `https://portal.azure.com/#blade/Microsoft_Azure_Security/AlertBlade/alertId/${alertName}/subscriptionId/${SUB}/resourceGroup/${rg}/referencedFrom/alertDeepLink/location/centralus`,
    },
    version: 1,
  };
}

let seq = 0;
/** triage.approvalConversations (both groups) in env/policy.local.json: approvals count only there. */
export const APPROVALS_CHAT = 'group-chat-ai-risk';

/** Clicks an Action.Execute button as one of the mock users (in their personal chat unless a conversation is given). */
export function click(bot: RunningBot, serviceUrl: string, who: Person, verb: string, data: Record<string, unknown>, activityId = `triage-invoke-${++seq}`, conversationId?: string): Promise<InvokeAnswer> {
  return clickCard(bot, serviceUrl, { verb, data, from: PEOPLE[who], activityId, conversationId });
}

export const cardData = (f: Pick<Finding, 'key' | 'version'>) => ({ findingKey: f.key, version: String(f.version) });
