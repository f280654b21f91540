import assert from 'node:assert/strict';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { DataUnavailableError } from '../../../src/domain/ports';
import { createAzureCredential } from '../../../src/data/azure/credential';
import { createAzureQueryRunner } from '../../../src/data/azure/runner';
import { SUBSCRIPTIONS, WORKSPACE_ID, argPage, fakeCredential, fastRetries, laAllTypes, throttled, useHttpsStub } from './fixtures';

describe('Azure query runner (dispatch by source)', () => {
  const stub = useHttpsStub();

  const runner = (timeoutMs = 5000) =>
    createAzureQueryRunner({
      credential: fakeCredential,
      workspaceId: WORKSPACE_ID,
      subscriptionIds: SUBSCRIPTIONS,
      logsEndpoint: `${stub.url}/v1`,
      resourceGraphEndpoint: stub.url,
      timeoutMs,
      clientOptions: { retryOptions: fastRetries, tlsOptions: { ca: stub.ca } },
    });

  it('routes logs queries to Log Analytics and resourcegraph queries to Resource Graph', async () => {
    stub.respond((req) => ({ body: req.path.startsWith('/v1/') ? laAllTypes : argPage(0, 1) }));
    const q = runner();
    const logs = await q.run({ id: 'l', source: 'logs', text: 'SecurityAlert | take 1' });
    const arg = await q.run({ id: 'r', source: 'resourcegraph', text: 'securityresources | take 1' });
    assert.equal(logs.columns[0]!.name, 'AlertName');
    assert.equal(arg.columns[0]!.name, 'id');
    assert.deepEqual(
      stub.requests.map((r) => r.path),
      [`/v1/workspaces/${WORKSPACE_ID}/query`, '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01'],
    );
  });

  for (const source of ['logs', 'resourcegraph'] as const) {
    it(`${source}: the deadline ends a Retry-After wait longer than itself, reported as throttling`, async () => {
      stub.sequence({ status: 429, headers: { 'retry-after': '60' }, body: throttled });
      const started = Date.now();
      const error = await runner(300).run({ id: 'q', source, text: 'SecurityAlert' }).catch((e: unknown) => e);
      assert.ok(error instanceof DataUnavailableError);
      assert.equal(error.reason, 'throttled');
      assert.match(error.userMessage, /is throttling the bot\), try again in 60 s\.$/);
      assert.ok(Date.now() - started < 1500, 'a 60 s Retry-After never holds a Teams turn');
      assert.equal(stub.requests.length, 1);
    });
  }

  it('the credential factory picks the user-assigned managed identity when a client id is configured', () => {
    assert.ok(createAzureCredential({ clientId: '00000000-0000-0000-0000-0000000000c1' }) instanceof ManagedIdentityCredential);
    assert.ok(createAzureCredential() instanceof DefaultAzureCredential);
  });
});
