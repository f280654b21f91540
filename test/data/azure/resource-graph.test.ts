import assert from 'node:assert/strict';
import { DataUnavailableError } from '../../../src/domain/ports';
import { ResourceGraphQueryRunner } from '../../../src/data/azure/resource-graph';
import { SUBSCRIPTIONS, argBadQuery, argPage, fakeCredential, fastRetries, forbidden, serverError, throttled, useHttpsStub } from './fixtures';

const QUERY = {
  id: 'unhealthy-ai-assessments',
  source: 'resourcegraph' as const,
  text: "securityresources\n| where type == 'microsoft.security/assessments'\n| project id, name",
};
const ARG_PATH = '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01';

describe('Resource Graph adapter (ResourceGraphClient against an HTTPS stub)', () => {
  const stub = useHttpsStub();

  const runner = (extra: { timeoutMs?: number; maxPages?: number } = {}) =>
    new ResourceGraphQueryRunner({
      credential: fakeCredential,
      subscriptionIds: SUBSCRIPTIONS,
      endpoint: stub.url,
      timeoutMs: extra.timeoutMs ?? 5000,
      maxPages: extra.maxPages,
      clientOptions: { retryOptions: fastRetries, tlsOptions: { ca: stub.ca } },
    });

  async function failure(promise: Promise<unknown>): Promise<DataUnavailableError> {
    const error = await promise.then(() => assert.fail('expected a DataUnavailableError'), (e: unknown) => e);
    assert.ok(error instanceof DataUnavailableError, `got ${String(error)}`);
    assert.doesNotMatch(error.userMessage, /\bat .+\(|stack|fe-17|correlationId|InvalidQuery|InsufficientAccessError/, 'no raw detail in the user message');
    return error;
  }

  it('sends POST …/resources?api-version=2024-04-01 with all subscriptions, the query, table format and the bearer token', async () => {
    stub.sequence({ body: argPage(0, 2) });
    await runner().run(QUERY);
    assert.equal(stub.requests.length, 1);
    const [req] = stub.requests;
    assert.equal(req!.method, 'POST');
    assert.equal(req!.path, ARG_PATH);
    assert.deepEqual(req!.body, { subscriptions: SUBSCRIPTIONS, query: QUERY.text, options: { resultFormat: 'table', $top: 1000 } });
    assert.equal(req!.headers.authorization, 'Bearer fake-token');
  });

  it('maps ARG column types to Kusto names and converts the values', async () => {
    stub.sequence({ body: argPage(0, 2) });
    const result = await runner().run(QUERY);
    assert.deepEqual(
      result.columns.map((c) => `${c.name}:${c.type}`),
      ['id:string', 'name:string', 'severity:string', 'unhealthyCount:long', 'score:real', 'isPreview:bool', 'properties:dynamic', 'firstEvaluationDate:datetime'],
    );
    assert.deepEqual(result.rows[1], [
      `/subscriptions/${SUBSCRIPTIONS[1]}/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/oai-1/providers/Microsoft.Security/assessments/a1`,
      'a1',
      'High',
      1,
      0.1,
      false,
      { status: { code: 'Unhealthy' }, resourceDetails: { Source: 'Azure' }, tags: ['t1'] },
      new Date('2025-02-02T00:00:00Z'),
    ]);
    assert.equal(result.partial, undefined);
  });

  it('follows $skipToken over 3 pages and returns every row in order', async () => {
    stub.sequence({ body: argPage(0, 3, 'token-page-2', 7) }, { body: argPage(3, 3, 'token-page-3', 7) }, { body: argPage(6, 1, undefined, 7) });
    const result = await runner().run(QUERY);
    assert.deepEqual(result.rows.map((r) => r[1]), ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    const sent = stub.requests.map((r) => r.body as { query: string; subscriptions: string[]; options: Record<string, unknown> });
    assert.deepEqual(sent.map((b) => b.options.$skipToken), [undefined, 'token-page-2', 'token-page-3']);
    // Same query and scopes on every page, as the API requires.
    for (const b of sent) {
      assert.equal(b.query, QUERY.text);
      assert.deepEqual(b.subscriptions, SUBSCRIPTIONS);
    }
  });

  it('stops at the page limit with a clear error instead of paging forever', async () => {
    stub.respond((_req, i) => ({ body: argPage(i, 1, `token-${i + 2}`, 1e6) }));
    const error = await failure(runner({ maxPages: 3 }).run(QUERY));
    assert.equal(error.reason, 'bad_query');
    assert.match(error.userMessage, /prebuilt query "unhealthy-ai-assessments" matched more than 3000 rows/);
    assert.equal(stub.requests.length, 3);
  });

  it('a truncated answer is returned as partial', async () => {
    stub.sequence({ body: { ...argPage(0, 2), resultTruncated: 'true' } });
    const result = await runner().run(QUERY);
    assert.equal(result.rows.length, 2);
    assert.match(result.partial?.reason ?? '', /only part of the results/);
  });

  it('an empty answer still names its columns', async () => {
    stub.sequence({ body: argPage(0, 0) });
    const result = await runner().run(QUERY);
    assert.equal(result.columns.length, 8);
    assert.deepEqual(result.rows, []);
  });

  it('400 invalid query → bad_query naming the prebuilt query', async () => {
    stub.sequence({ status: 400, body: argBadQuery });
    const error = await failure(runner().run(QUERY));
    assert.equal(error.reason, 'bad_query');
    assert.match(error.userMessage, /Resource Graph rejected the prebuilt query "unhealthy-ai-assessments"\), please report this/);
  });

  it('401 → unauthorized, naming the subscriptions', async () => {
    stub.sequence({ status: 401, body: forbidden });
    const error = await failure(runner().run(QUERY));
    assert.equal(error.reason, 'unauthorized');
    assert.match(error.userMessage, new RegExp(`lacks read access to the subscriptions ${SUBSCRIPTIONS.join(', ')}`));
  });

  it('429 then success on a later page: the SDK retries after Retry-After and paging continues', async () => {
    stub.sequence(
      { body: argPage(0, 2, 'token-page-2', 3) },
      { status: 429, headers: { 'retry-after-ms': '50' }, body: throttled },
      { body: argPage(2, 1, undefined, 3) },
    );
    const result = await runner().run(QUERY);
    assert.equal(result.rows.length, 3);
    assert.equal((stub.requests[2]!.body as { options: { $skipToken?: string } }).options.$skipToken, 'token-page-2');
    assert.ok(stub.requests[2]!.at - stub.requests[1]!.at >= 45);
  });

  it('persistent 429 → throttled with the Retry-After seconds', async () => {
    stub.sequence({ status: 429, headers: { 'retry-after': '17', 'retry-after-ms': '10' }, body: throttled });
    const error = await failure(runner().run(QUERY));
    assert.equal(error.reason, 'throttled');
    assert.equal(error.userMessage, 'Defender data is unavailable (Resource Graph is throttling the bot), try again in 17 s.');
    assert.equal(stub.requests.length, 1 + fastRetries.maxRetries);
  });

  it('5xx → unavailable after the SDK retries', async () => {
    stub.sequence({ status: 502, body: serverError });
    const error = await failure(runner().run(QUERY));
    assert.equal(error.reason, 'unavailable');
    assert.match(error.userMessage, /Resource Graph answered with a server error 502/);
    assert.equal(stub.requests.length, 1 + fastRetries.maxRetries);
  });

  it('one deadline covers all pages: a slow second page → timeout', async () => {
    stub.sequence({ body: argPage(0, 1, 'token-page-2', 2) }, { delayMs: 3000, body: argPage(1, 1) });
    const started = Date.now();
    const error = await failure(runner({ timeoutMs: 300 }).run(QUERY));
    assert.equal(error.reason, 'timeout');
    assert.equal(error.userMessage, 'Defender data is unavailable (Resource Graph did not answer within 0.3 s), try again later.');
    assert.ok(Date.now() - started < 1500);
  });
});
