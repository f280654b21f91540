import assert from 'node:assert/strict';
import { ResourceGraphQueryRunner } from '../../src/data/azure/resource-graph';
import { AzureDefenderActions, AzureSecurityStandards } from '../../src/data/defender-actions/azure';
import { ExemptionTargetResolver } from '../../src/data/defender-actions/exemption-targets';
import type { Finding } from '../../src/domain/finding';
import { PermanentWriteError } from '../../src/domain/triage/ports';
import type { WriteBackEffect } from '../../src/domain/triage/types';
import { needsExemptionTargets, planWrites, recommendationRef } from '../../src/triage/targets';
import { fakeCredential, fastRetries, useHttpsStub } from '../data/azure/fixtures';
import { DefenderWriteStub } from '../support/defender-write-stub';

const SUB = '3f8c2a71-5d4e-4b9a-9c1e-7a2b6d0e4f18';
const MG = '/providers/Microsoft.Management/managementGroups/fabrikam-root';
const MCSB = '1f3afdf9-d0c9-4c3d-847f-89da613e70a8';
const MG_ASSIGNMENT = `${MG}/providers/Microsoft.Authorization/policyAssignments/2b6c4f1e8a9d4e7fb0c1d2e3`;
const POLICY = '/providers/Microsoft.Authorization/policyDefinitions/037eea7a-bd0a-46c5-9a66-03aea78705d3';
const REFERENCE_ID = 'cognitiveServicesAccountsShouldRestrictNetworkAccessMonitoringEffect';
const ASSESSMENT_KEY = 'f738efb8-005f-680d-3d43-b3db762d6243';
const RESOURCE = `/subscriptions/${SUB}/resourceGroups/rg-fraud/providers/Microsoft.CognitiveServices/accounts/oai-fraud`;
const CONNECTOR = `/subscriptions/${SUB}/resourceGroups/rg-defender-connectors/providers/Microsoft.Security/securityConnectors/aws-fabrikam`;
const AWS_RESOURCE = `${CONNECTOR}/securityentitydata/aws-bedrock-agent-claims-us-east-1`;
const AWS_KEY = '8f1ba2a3-7c1e-4a4b-9b6e-0c5f2d3e4a51';
const CUSTOM_STANDARD = '5e2c0d7a-3b1f-4c8e-9a6d-7f4e1b2c3d90';

function recommendation(resourceId: string, key: string, extra: Record<string, unknown>): Finding {
  return {
    key: `recommendation:${key}|${resourceId.toLowerCase()}`,
    kind: 'recommendation',
    tenantId: 'tenant',
    title: 'Azure AI Services resources should restrict network access',
    severity: 'medium',
    resource: { id: resourceId, name: resourceId.split('/').pop()!, kind: 'Azure OpenAI', zone: 2, zoneKnown: true },
    status: 'active',
    firstSeen: new Date('2025-06-01T00:00:00Z'),
    lastSeen: new Date('2025-06-01T00:00:00Z'),
    details: { assessmentId: `${resourceId}/providers/Microsoft.Security/assessments/${key}`, ...extra },
    version: 3,
  };
}

const waiver: WriteBackEffect = { type: 'exemption', category: 'Waiver', expiresOn: '2025-09-30T23:59:59.000Z', justification: 'Private endpoint lands with the Q3 network migration.', requestedBy: 'priya.shah@contoso.com', approvedBy: ['elena.rossi@contoso.com'] };

describe('write-back to Azure: exact targets (HTTPS stubs, real SDK pipelines)', () => {
  const https = useHttpsStub();
  const arm = new DefenderWriteStub(() => https.url);
  let actions: AzureDefenderActions;
  let resolver: ExemptionTargetResolver;
  const clientOptions = () => ({ tlsOptions: { ca: https.ca }, retryOptions: fastRetries });

  before(() => {
    https.respond((req) => arm.handle(req));
    actions = new AzureDefenderActions({ credential: fakeCredential, endpoint: https.url, clientOptions: clientOptions() });
    const runner = new ResourceGraphQueryRunner({ credential: fakeCredential, subscriptionIds: [SUB], endpoint: https.url, clientOptions: clientOptions() });
    resolver = new ExemptionTargetResolver({ runner, standards: new AzureSecurityStandards(actions.arm), clock: { now: () => new Date() } });
    arm.policyStates = [
      // The benchmark's initiative assigned at the management group: policy states name it for the resource's subscription.
      { subscriptionId: SUB, policyDefinitionId: POLICY, policyAssignmentId: MG_ASSIGNMENT, policyAssignmentScope: MG, policyDefinitionReferenceId: REFERENCE_ID },
      // The same policy assigned on another resource group only: it does not cover rg-fraud.
      { subscriptionId: SUB, policyDefinitionId: POLICY, policyAssignmentId: `/subscriptions/${SUB}/resourceGroups/rg-other/providers/Microsoft.Authorization/policyAssignments/rg-only`, policyAssignmentScope: `/subscriptions/${SUB}/resourceGroups/rg-other`, policyDefinitionReferenceId: 'rgOnlyReference' },
    ];
    arm.standards = [
      { scope: CONNECTOR, id: MCSB, effect: 'Audit', assessmentKeys: ['0b8e1c7a-1111-4d2e-8f00-aaaaaaaaaaaa', AWS_KEY] },
      // Lists the key but is only assigned as an exemption, not in force: never a target.
      { scope: CONNECTOR, id: CUSTOM_STANDARD, effect: 'Exempt', assessmentKeys: [AWS_KEY] },
    ];
    arm.alerts.add(`/subscriptions/${SUB}/resourceGroups/rg-ai/providers/Microsoft.Security/locations/centralus/alerts/2518298467986649999_4d25bfef-2d77-4a08-adc0-3e35715cc92a`);
  });

  const plan = async (f: Finding, effect: WriteBackEffect, verb = 'accept_risk') => {
    const ref = recommendationRef(f);
    const targets = ref && needsExemptionTargets(f, verb) ? await resolver.exemptionTargets(ref) : undefined;
    return planWrites(f, [effect], 'elena.rossi@contoso.com', targets);
  };
  const sent = () => https.requests.filter((r) => r.method !== 'POST' || !r.path.startsWith('/providers/Microsoft.ResourceGraph/')).filter((r) => r.method !== 'GET');

  it('an Azure recommendation whose initiative is assigned at a management group: a policy exemption naming that assignment and its reference id', async () => {
    const f = recommendation(RESOURCE, ASSESSMENT_KEY, { policyDefinitionId: POLICY, cloud: 'Azure' });
    const { writes, notWritten } = await plan(f, waiver);
    assert.deepEqual(notWritten, []);
    assert.equal(writes.length, 1, 'one exemption: the resource-group assignment does not cover the resource');
    await actions.apply(writes[0]!);
    const [put] = sent();
    assert.equal(put!.method, 'PUT');
    assert.match(put!.path, new RegExp(`^${RESOURCE}/providers/Microsoft\\.Authorization/policyExemptions/ai-posture-bot-[0-9a-f-]{13}\\?api-version=2022-07-01-preview$`));
    assert.equal(put!.headers.authorization, 'Bearer fake-token');
    assert.deepEqual(put!.body, {
      properties: {
        policyAssignmentId: MG_ASSIGNMENT,
        policyDefinitionReferenceIds: [REFERENCE_ID],
        exemptionCategory: 'Waiver',
        expiresOn: '2025-09-30T23:59:59.000Z',
        displayName: 'Risk accepted: Azure AI Services resources should restrict network access',
        description: 'Private endpoint lands with the Q3 network migration.',
        metadata: { requestedBy: 'priya.shah@contoso.com', approvedBy: 'elena.rossi@contoso.com', decidedBy: 'elena.rossi@contoso.com', assessmentKey: ASSESSMENT_KEY, source: 'ai-posture-bot', findingKey: f.key },
      },
    });
    // Reopening deletes the same exemption.
    https.reset();
    const reopen = await plan(f, { type: 'exemption_delete' }, 'reopen');
    await actions.apply(reopen.writes[0]!);
    assert.equal(`${sent()[0]!.method} ${sent()[0]!.path}`, `DELETE ${put!.path}`);
  });

  it('reads the policy from the assessment once, then reuses the lookup (cached per subscription and definition)', async () => {
    const f = recommendation(RESOURCE, ASSESSMENT_KEY, { policyDefinitionId: POLICY, cloud: 'Azure' });
    await plan(f, waiver);
    const before = https.requests.length;
    await plan(f, waiver);
    assert.equal(https.requests.length, before, 'no second Resource Graph query');
  });

  it("the service refuses an exemption that names the assessment key as reference id (the old guess), as Azure Policy does", async () => {
    await assert.rejects(
      actions.apply({ type: 'exemption', scope: RESOURCE, name: 'ai-posture-bot-guess', policyAssignmentId: MG_ASSIGNMENT, policyDefinitionReferenceIds: [ASSESSMENT_KEY], category: 'Waiver', expiresOn: '2025-09-30T00:00:00Z', displayName: 'x', description: 'x', metadata: {} }),
      (err: Error) => err instanceof PermanentWriteError && /HTTP 400: InvalidPolicyDefinitionReferenceId/.test(err.message),
    );
  });

  it('an AWS recommendation: a Defender standard assignment with effect Exempt under the benchmark assigned on the connector', async () => {
    const f = recommendation(AWS_RESOURCE, AWS_KEY, { cloud: 'Aws' });
    const { writes, notWritten } = await plan(f, { ...waiver, category: 'Mitigated', justification: 'Guardrails enforced by the AWS account SCP.' }, 'compensating_control');
    assert.deepEqual(notWritten, []);
    assert.equal(writes.length, 1, 'only the standard in force (Audit), not the one assigned as an exemption');
    await actions.apply(writes[0]!);
    // The lists were paged (one item a page): the client followed nextLink.
    const lists = https.requests.filter((r) => r.method === 'GET' && r.path.includes('/standardAssignments?'));
    assert.equal(lists.length, 2, 'two pages of standard assignments: the client followed nextLink');
    const [put] = sent();
    assert.match(put!.path, new RegExp(`^${AWS_RESOURCE}/providers/Microsoft\\.Security/standardAssignments/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}\\?api-version=2024-08-01$`));
    assert.deepEqual(put!.body, {
      properties: {
        displayName: 'Compensating control: Azure AI Services resources should restrict network access',
        description: 'Guardrails enforced by the AWS account SCP.',
        assignedStandard: { id: `/providers/Microsoft.Security/securityStandards/${MCSB}` },
        effect: 'Exempt',
        expiresOn: '2025-09-30T23:59:59.000Z',
        exemptionData: { exemptionCategory: 'mitigated', assignedAssessment: { assessmentKey: AWS_KEY } },
      },
    });
    https.reset();
    const reopen = await plan(f, { type: 'exemption_delete' }, 'reopen');
    await actions.apply(reopen.writes[0]!);
    assert.equal(`${sent()[0]!.method} ${sent()[0]!.path}`, `DELETE ${put!.path}`);
  });

  it('the standard-assignment API refuses a name that is not a GUID', async () => {
    await assert.rejects(
      actions.apply({ type: 'standard_exemption', scope: AWS_RESOURCE, name: 'ai-posture-bot-1', standardId: `/providers/Microsoft.Security/securityStandards/${MCSB}`, assessmentKey: AWS_KEY, category: 'Waiver', expiresOn: '2025-09-30T00:00:00Z', displayName: 'x', description: 'x' }),
      (err: Error) => err instanceof PermanentWriteError && /HTTP 400: InvalidParameter/.test(err.message),
    );
  });

  it("an alert: its Resource Graph id, not one rebuilt from AlertUri (Microsoft's example: the two names differ)", async () => {
    const armId = `/subscriptions/${SUB}/resourceGroups/rg-ai/providers/Microsoft.Security/locations/centralus/alerts/2518298467986649999_4d25bfef-2d77-4a08-adc0-3e35715cc92a`;
    const alert: Finding = {
      ...recommendation(RESOURCE, 'x', {}),
      key: 'alert:2518770965529163669_f144ee95',
      kind: 'alert',
      details: { alertArmId: armId, portalUrl: `https://portal.azure.com/#blade/Microsoft_Azure_Security/AlertBlade/alertId/2518770965529163669_F144EE95/subscriptionId/${SUB}/resourceGroup/rg-ai/referencedFrom/alertDeepLink/location/westeurope` },
    };
    const { writes } = planWrites(alert, [{ type: 'alert_state', state: 'Dismiss' }], 'marcus.chen@contoso.com');
    await actions.apply(writes[0]!);
    const [post] = sent();
    assert.equal(`${post!.method} ${post!.path}`, `POST ${armId}/dismiss?api-version=2021-11-01`);
    assert.equal(post!.body, undefined);
  });

  it('a governance assignment: owner and due date on the assessment, with a stable key per finding', async () => {
    const f = recommendation(RESOURCE, ASSESSMENT_KEY, { policyDefinitionId: POLICY, cloud: 'Azure' });
    const effect: WriteBackEffect = { type: 'governance_assignment', owner: 'priya.shah@contoso.com', remediationDueDate: '2025-06-19T14:00:00.000Z', isGracePeriod: false };
    const first = planWrites(f, [effect], 'priya.shah@contoso.com');
    assert.deepEqual(planWrites(f, [effect], 'priya.shah@contoso.com'), first, 'the same key again: a re-sent PUT replaces the assignment');
    await actions.apply(first.writes[0]!);
    const [put] = sent();
    assert.match(put!.path, new RegExp(`^${RESOURCE}/providers/Microsoft\\.Security/assessments/${ASSESSMENT_KEY}/governanceAssignments/[0-9a-f-]{36}\\?api-version=2022-01-01-preview$`));
    assert.deepEqual(put!.body, {
      properties: {
        owner: 'priya.shah@contoso.com',
        remediationDueDate: '2025-06-19T14:00:00.000Z',
        isGracePeriod: false,
        governanceEmailNotification: { disableManagerEmailNotification: false, disableOwnerEmailNotification: false },
      },
    });
  });

  it('alerts at subscription level go through the subscription-level operation', async () => {
    const armId = `/subscriptions/${SUB}/providers/Microsoft.Security/locations/westeurope/alerts/2518765996949954086_2325cf9e`;
    arm.alerts.add(armId);
    await actions.apply({ type: 'alert_state', alertId: armId, state: 'Resolve' });
    assert.equal(`${sent()[0]!.method} ${sent()[0]!.path}`, `POST ${armId}/resolve?api-version=2021-11-01`);
  });

  describe('failures', () => {
    const governance = { type: 'governance_assignment' as const, assessmentId: `${RESOURCE}/providers/Microsoft.Security/assessments/${ASSESSMENT_KEY}`, assignmentKey: 'k', owner: 'a@contoso.com', remediationDueDate: '2025-06-19T14:00:00.000Z', isGracePeriod: true };
    afterEach(() => https.respond((req) => arm.handle(req)));

    it('throttling is retried inside the SDK pipeline (Retry-After), then succeeds', async () => {
      https.sequence({ status: 429, headers: { 'retry-after': '0' }, body: { error: { code: 'TooManyRequests', message: 'slow down' } } }, { status: 200, body: {} });
      await actions.apply(governance);
      assert.equal(https.requests.length, 2);
    });

    it('a refused write is permanent (no retry); an outage stays retryable', async () => {
      https.respond(() => ({ status: 403, body: { error: { code: 'AuthorizationFailed', message: 'no write access' } } }));
      await assert.rejects(actions.apply({ type: 'exemption_delete', scope: RESOURCE, name: 'x' }), (err: Error) => err instanceof PermanentWriteError && /HTTP 403: AuthorizationFailed no write access/.test(err.message));
      https.respond(() => ({ status: 503, body: { error: { code: 'ServiceUnavailable', message: 'down' } } }));
      await assert.rejects(actions.apply(governance), (err: Error) => !(err instanceof PermanentWriteError) && /HTTP 503/.test(err.message));
    });

    it('an alert that no longer exists is a permanent failure (404)', async () => {
      const gone = `/subscriptions/${SUB}/resourceGroups/rg-ai/providers/Microsoft.Security/locations/centralus/alerts/gone`;
      await assert.rejects(actions.apply({ type: 'alert_state', alertId: gone, state: 'Resolve' }), (err: Error) => err instanceof PermanentWriteError && /HTTP 404/.test(err.message));
    });
  });

  describe('cannot write back: said at once, with the reason, and nothing is sent', () => {
    const cases: [string, Finding, RegExp][] = [
      ['an Azure policy no assignment covers', recommendation(RESOURCE, ASSESSMENT_KEY, { policyDefinitionId: '/providers/Microsoft.Authorization/policyDefinitions/unassigned', cloud: 'Azure' }), /no Azure Policy assignment on subscription .* evaluates this recommendation's policy/],
      ['an AWS recommendation no standard in force lists', recommendation(AWS_RESOURCE, '6c3f0e1d-2222-4b5a-9c7d-bbbbbbbbbbbb', { cloud: 'Aws' }), /no Defender for Cloud security standard assigned at .*aws-fabrikam lists this recommendation/],
      ['an AWS resource outside any security connector', recommendation(`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Foo/bars/x`, AWS_KEY, { cloud: 'Aws' }), /names no Defender for Cloud security connector/],
    ];
    for (const [name, f, reason] of cases) {
      it(name, async () => {
        const { writes, notWritten } = await plan(f, waiver);
        assert.deepEqual(writes, []);
        assert.equal(notWritten.length, 1);
        assert.match(notWritten[0]!.reason, reason);
        assert.deepEqual(sent(), [], 'no write request');
      });
    }

    it('an alert without its Azure id', () => {
      const alert: Finding = { ...recommendation(RESOURCE, 'x', {}), key: 'alert:x', kind: 'alert', details: { portalUrl: 'https://portal.azure.com/#blade/x/alertId/x/subscriptionId/y/location/z' } };
      const { writes, notWritten } = planWrites(alert, [{ type: 'alert_state', state: 'Resolve' }], 'marcus');
      assert.deepEqual(writes, []);
      assert.match(notWritten[0]!.reason, /Azure resource id is unknown/);
    });

    it('a lookup that fails (Resource Graph down) is a reason too, and is not cached', async () => {
      const f = recommendation(RESOURCE, ASSESSMENT_KEY, { policyDefinitionId: `${POLICY}-outage`, cloud: 'Azure' });
      https.respond(() => ({ status: 503, body: { error: { code: 'ServiceUnavailable', message: 'down' } } }));
      try {
        const { notWritten } = await plan(f, waiver);
        assert.match(notWritten[0]!.reason, /could not be looked up \(Defender data is unavailable .*\); decide again once Azure answers/);
      } finally {
        https.respond((req) => arm.handle(req));
      }
      arm.policyStates.push({ subscriptionId: SUB, policyDefinitionId: `${POLICY}-outage`, policyAssignmentId: MG_ASSIGNMENT, policyAssignmentScope: MG, policyDefinitionReferenceId: REFERENCE_ID });
      assert.equal((await plan(f, waiver)).writes.length, 1, 'asked again once Azure answers');
    });
  });
});
