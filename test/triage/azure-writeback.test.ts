import assert from 'node:assert/strict';
import { AzureDefenderActions } from '../../src/data/defender-actions/azure';
import { PermanentWriteError } from '../../src/domain/triage/ports';
import { HttpsStub } from '../support/https-stub';

const credential = { getToken: async () => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };
const SUB = '3f8c2a71-5d4e-4b9a-9c1e-7a2b6d0e4f18';
const RESOURCE = `/subscriptions/${SUB}/resourceGroups/rg-fraud/providers/Microsoft.CognitiveServices/accounts/oai-fraud`;
const ASSESSMENT = `${RESOURCE}/providers/Microsoft.Security/assessments/6b9421dd-5555-2251-9b3d-2be58e2f82cd`;

describe('write-back to Azure (HTTPS stub, real SDK pipelines)', () => {
  const stub = new HttpsStub();
  let actions: AzureDefenderActions;
  before(async () => {
    await stub.start();
    actions = new AzureDefenderActions({ credential, endpoint: stub.url, clientOptions: { tlsOptions: { ca: stub.ca }, retryOptions: { maxRetries: 2, retryDelayInMs: 10, maxRetryDelayInMs: 20 } } });
  });
  after(() => stub.stop());
  beforeEach(() => stub.reset());

  it('PUTs a governance assignment (owner, due date, grace period) with the bearer token', async () => {
    stub.respond((req) => ({ status: 200, body: { id: req.path.split('?')[0], name: 'k', type: 'Microsoft.Security/assessments/governanceAssignments', properties: (req.body as { properties: unknown }).properties } }));
    await actions.apply({ type: 'governance_assignment', assessmentId: ASSESSMENT, assignmentKey: '6634ff9f-127b-4bf2-8e6e-b1737f5e789c', owner: 'priya.shah@contoso.com', remediationDueDate: '2025-06-19T14:00:00.000Z', isGracePeriod: false });
    const [req] = stub.requests;
    assert.equal(req!.method, 'PUT');
    assert.equal(req!.path, `${ASSESSMENT}/governanceAssignments/6634ff9f-127b-4bf2-8e6e-b1737f5e789c?api-version=2022-01-01-preview`);
    assert.equal(req!.headers.authorization, 'Bearer test-token');
    assert.deepEqual(req!.body, {
      properties: {
        owner: 'priya.shah@contoso.com',
        remediationDueDate: '2025-06-19T14:00:00.000Z',
        isGracePeriod: false,
        governanceEmailNotification: { disableManagerEmailNotification: false, disableOwnerEmailNotification: false },
      },
    });
  });

  it('PUTs a Waiver policy exemption with expiresOn and the justification', async () => {
    stub.respond(() => ({ status: 201, body: {} }));
    await actions.apply({
      type: 'exemption',
      scope: RESOURCE,
      name: 'ai-posture-bot-1234',
      policyAssignmentId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn`,
      policyDefinitionReferenceIds: ['6b9421dd-5555-2251-9b3d-2be58e2f82cd'],
      category: 'Waiver',
      expiresOn: '2025-09-14T14:00:00.000Z',
      displayName: 'Risk accepted: restrict network access',
      description: 'Compensated by network isolation until the Q3 migration.',
      metadata: { requestedBy: 'priya.shah@contoso.com' },
    });
    const [req] = stub.requests;
    assert.equal(req!.path, `${RESOURCE}/providers/Microsoft.Authorization/policyExemptions/ai-posture-bot-1234?api-version=2022-07-01-preview`);
    const props = (req!.body as { properties: Record<string, unknown> }).properties;
    assert.equal(props.exemptionCategory, 'Waiver');
    assert.equal(props.expiresOn, '2025-09-14T14:00:00.000Z');
    assert.equal(props.description, 'Compensated by network isolation until the Q3 migration.');
  });

  // @azure/arm-security 5.0.0 sends the alert state operations with api-version 2021-11-01 (its list uses 2022-01-01).
  it('resolves and dismisses alerts through the SDK (resource-group and subscription level)', async () => {
    stub.respond(() => ({ status: 204 }));
    const name = '2518765996949954086_2325cf9e-42a2-4f72-ae7f-9b863cba2d22';
    await actions.apply({ type: 'alert_state', alertId: `/subscriptions/${SUB}/resourceGroups/myRg2/providers/Microsoft.Security/locations/westeurope/alerts/${name}`, state: 'Resolve' });
    await actions.apply({ type: 'alert_state', alertId: `/subscriptions/${SUB}/providers/Microsoft.Security/locations/westeurope/alerts/${name}`, state: 'Dismiss' });
    assert.deepEqual(
      stub.requests.map((r) => `${r.method} ${r.path}`),
      [
        `POST /subscriptions/${SUB}/resourceGroups/myRg2/providers/Microsoft.Security/locations/westeurope/alerts/${name}/resolve?api-version=2021-11-01`,
        `POST /subscriptions/${SUB}/providers/Microsoft.Security/locations/westeurope/alerts/${name}/dismiss?api-version=2021-11-01`,
      ],
    );
  });

  it('retries throttling inside the SDK pipeline, then succeeds', async () => {
    stub.sequence({ status: 429, headers: { 'retry-after': '0' }, body: { error: { code: 'TooManyRequests', message: 'slow down' } } }, { status: 200, body: {} });
    await actions.apply({ type: 'governance_assignment', assessmentId: ASSESSMENT, assignmentKey: 'k', owner: 'a@contoso.com', remediationDueDate: '2025-06-19T14:00:00.000Z', isGracePeriod: true });
    assert.equal(stub.requests.length, 2);
  });

  it('reports a refused write as permanent (no retry) and an outage as retryable', async () => {
    stub.respond(() => ({ status: 403, body: { error: { code: 'AuthorizationFailed', message: 'no write access' } } }));
    await assert.rejects(
      actions.apply({ type: 'exemption_delete', scope: RESOURCE, name: 'x' }),
      (err: Error) => err instanceof PermanentWriteError && /HTTP 403: AuthorizationFailed no write access/.test(err.message),
    );
    stub.respond(() => ({ status: 503, body: { error: { code: 'ServiceUnavailable', message: 'down' } } }));
    await assert.rejects(
      actions.apply({ type: 'governance_assignment', assessmentId: ASSESSMENT, assignmentKey: 'k', owner: 'a@contoso.com', remediationDueDate: '2025-06-19T14:00:00.000Z', isGracePeriod: true }),
      (err: Error) => !(err instanceof PermanentWriteError) && /HTTP 503/.test(err.message),
    );
  });
});
