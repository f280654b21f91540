import assert from 'node:assert/strict';
import { DataUnavailableError } from '../../../src/domain/ports';
import { LogAnalyticsQueryRunner, WIDEST_TIMESPAN } from '../../../src/data/azure/log-analytics';
import { WORKSPACE_ID, fakeCredential, fastRetries, forbidden, laAllTypes, laPartial, laSyntaxError, serverError, throttled, useHttpsStub } from './fixtures';

const QUERY = { id: 'alerts-by-severity', source: 'logs' as const, text: 'SecurityAlert\n| where TimeGenerated > ago(7d)\n| take 10' };

describe('Log Analytics adapter (LogsQueryClient against an HTTPS stub)', () => {
  const stub = useHttpsStub();

  const runner = (timeoutMs = 5000) =>
    new LogAnalyticsQueryRunner({
      credential: fakeCredential,
      workspaceId: WORKSPACE_ID,
      endpoint: `${stub.url}/v1`,
      timeoutMs,
      clientOptions: { retryOptions: fastRetries, tlsOptions: { ca: stub.ca } },
    });

  async function failure(promise: Promise<unknown>): Promise<DataUnavailableError> {
    const error = await promise.then(() => assert.fail('expected a DataUnavailableError'), (e: unknown) => e);
    assert.ok(error instanceof DataUnavailableError, `got ${String(error)}`);
    assert.doesNotMatch(error.userMessage, /\bat .+\(|stack|Kusto\.Engine|fe-17|SYN0002|InsufficientAccessError/, 'no raw detail in the user message');
    return error;
  }

  it('sends POST /v1/workspaces/{id}/query with the query, the widest timespan and the bearer token', async () => {
    stub.sequence({ body: laAllTypes });
    await runner().run(QUERY);
    assert.equal(stub.requests.length, 1);
    const [req] = stub.requests;
    assert.equal(req!.method, 'POST');
    assert.equal(req!.path, `/v1/workspaces/${WORKSPACE_ID}/query`);
    assert.deepEqual(req!.body, { query: QUERY.text, timespan: WIDEST_TIMESPAN.duration });
    assert.equal(req!.headers.authorization, 'Bearer fake-token');
    // The server-side timeout follows the client deadline.
    assert.match(String(req!.headers.prefer), /wait=5/);
  });

  it('converts every Kusto column type to the values of docs/conventions.md', async () => {
    stub.sequence({ body: laAllTypes });
    const result = await runner().run(QUERY);
    assert.deepEqual(
      result.columns.map((c) => `${c.name}:${c.type}`),
      ['AlertName:string', 'Severity:int', 'Count:long', 'Score:real', 'IsIncident:bool', 'TimeGenerated:datetime', 'Duration:timespan', 'Entities:dynamic', 'SystemAlertId:guid', 'Cost:decimal'],
    );
    const [row, nulls] = result.rows;
    assert.deepEqual(row, [
      'Jailbreak attempt on an Azure AI model deployment',
      3,
      9007199254740,
      0.87,
      true,
      new Date('2025-03-04T05:06:07.123Z'),
      ((26 * 60 + 3) * 60 + 4.5) * 1000,
      { resourceId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai-1', tags: ['ai', 'prod'] },
      '2f1c0e9a-5b8d-4c1e-9f3a-7d6e5c4b3a21',
      12.345,
    ]);
    assert.deepEqual(nulls, Array(10).fill(null));
    assert.equal(result.partial, undefined);
  });

  it('returns the rows of a partial result and says why', async () => {
    stub.sequence({ body: laPartial });
    const result = await runner().run(QUERY);
    assert.deepEqual(result.rows, [['Credential theft attempt', 300_000]]);
    assert.deepEqual(result.partial, { reason: 'Log Analytics returned only part of the results' });
  });

  it('400 syntax error → bad_query, naming the prebuilt query, without the service detail', async () => {
    stub.sequence({ status: 400, body: laSyntaxError });
    const error = await failure(runner().run(QUERY));
    assert.equal(error.reason, 'bad_query');
    assert.match(error.userMessage, /^Defender data is unavailable \(Log Analytics rejected the prebuilt query "alerts-by-severity"\), please report this/);
    assert.equal(stub.requests.length, 1, 'a 400 is not retried');
  });

  it('403 → unauthorized: the identity lacks read access to the workspace', async () => {
    stub.sequence({ status: 403, body: forbidden });
    const error = await failure(runner().run(QUERY));
    assert.equal(error.reason, 'unauthorized');
    assert.match(error.userMessage, new RegExp(`lacks read access to the Log Analytics workspace ${WORKSPACE_ID}`));
  });

  it('429 with Retry-After: the SDK waits as told, retries, and the rows come back', async () => {
    stub.sequence({ status: 429, headers: { 'retry-after': '1' }, body: throttled }, { body: laAllTypes });
    const started = Date.now();
    const result = await runner().run(QUERY);
    assert.equal(result.rows.length, 2);
    assert.equal(stub.requests.length, 2);
    const waited = stub.requests[1]!.at - stub.requests[0]!.at;
    assert.ok(waited >= 950, `the retry came ${waited} ms after the 429, not after Retry-After (1 s)`);
    assert.ok(Date.now() - started < 3000);
  });

  it('persistent 429 → throttled, with the Retry-After seconds in the message, after a bounded number of tries', async () => {
    // retry-after-ms keeps the SDK's waits short; Retry-After (seconds) is what the user is told.
    stub.sequence({ status: 429, headers: { 'retry-after': '42', 'retry-after-ms': '10' }, body: throttled });
    const error = await failure(runner().run(QUERY));
    assert.equal(error.reason, 'throttled');
    assert.equal(error.userMessage, 'Defender data is unavailable (Log Analytics is throttling the bot), try again in 42 s.');
    assert.equal(stub.requests.length, 1 + fastRetries.maxRetries);
  });

  it('5xx → unavailable after the SDK retries, with no raw body in the message', async () => {
    stub.sequence({ status: 503, body: serverError });
    const error = await failure(runner().run(QUERY));
    assert.equal(error.reason, 'unavailable');
    assert.equal(error.userMessage, 'Defender data is unavailable (Log Analytics answered with a server error 503), try again in a few minutes.');
    assert.equal(stub.requests.length, 1 + fastRetries.maxRetries);
  });

  it('a slow answer → timeout at the deadline', async () => {
    stub.sequence({ delayMs: 3000, body: laAllTypes });
    const started = Date.now();
    const error = await failure(runner(300).run(QUERY));
    assert.equal(error.reason, 'timeout');
    assert.equal(error.userMessage, 'Defender data is unavailable (Log Analytics did not answer within 0.3 s), try again later.');
    assert.ok(Date.now() - started < 1500, 'the deadline ends the wait');
  });
});
