import { setLogLevel } from '../../../src/log';
import { HttpsStub } from '../../support/https-stub';

/**
 * Response bodies shaped like the real services (see shared/reference: the Log Analytics SDK recordings and the
 * Resource Graph 2024-04-01 REST examples); the values are this project's own.
 */

export const WORKSPACE_ID = '6b7c1a2e-0000-4000-8000-00000000a001';
export const SUBSCRIPTIONS = ['00000000-0000-0000-0000-000000000501', '00000000-0000-0000-0000-000000000502'];

/** One column of every Kusto type; the second row is all nulls. Long and decimal arrive as text, as LA may send them. */
export const laAllTypes = {
  tables: [
    {
      name: 'PrimaryResult',
      columns: [
        { name: 'AlertName', type: 'string' },
        { name: 'Severity', type: 'int' },
        { name: 'Count', type: 'long' },
        { name: 'Score', type: 'real' },
        { name: 'IsIncident', type: 'bool' },
        { name: 'TimeGenerated', type: 'datetime' },
        { name: 'Duration', type: 'timespan' },
        { name: 'Entities', type: 'dynamic' },
        { name: 'SystemAlertId', type: 'guid' },
        { name: 'Cost', type: 'decimal' },
      ],
      rows: [
        [
          'Jailbreak attempt on an Azure AI model deployment',
          3,
          '9007199254740',
          0.87,
          true,
          '2025-03-04T05:06:07.1234567Z',
          '1.02:03:04.5',
          '{"resourceId":"/subscriptions/x/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai-1","tags":["ai","prod"]}',
          '2f1c0e9a-5b8d-4c1e-9f3a-7d6e5c4b3a21',
          '12.345',
        ],
        [null, null, null, null, null, null, null, null, null, null],
      ],
    },
  ],
};

/** Log Analytics answers 200 with the rows it has and an `error` when a limit cut the result short. */
export const laPartial = {
  tables: [
    {
      name: 'PrimaryResult',
      columns: [
        { name: 'AlertName', type: 'string' },
        { name: 'Duration', type: 'timespan' },
      ],
      rows: [['Credential theft attempt', '00:05:00']],
    },
  ],
  error: {
    code: 'PartialError',
    message: 'There were some errors when processing your query.',
    details: [
      {
        code: 'EngineError',
        message: 'Something went wrong processing your query on the server.',
        innererror: { code: '-2133196797', message: 'Query result set has exceeded the internal record count limit 500000', severity: 2, severityName: 'Error' },
      },
    ],
  },
};

/** The 400 Log Analytics sends for a query it cannot parse. */
export const laSyntaxError = {
  error: {
    message: 'The request had some invalid properties',
    code: 'BadArgumentError',
    correlationId: 'c0ffee00-0000-4000-8000-000000000001',
    innererror: {
      code: 'SyntaxError',
      message: 'A recognition error occurred in the query.',
      innererror: { code: 'SYN0002', message: "Query could not be parsed at 'invalid' on line [1,11]", line: 1, pos: 11, token: 'invalid' },
    },
  },
};

export const throttled = { error: { code: 'TooManyRequests', message: 'Too many requests. Please retry.' } };
export const serverError = { error: { code: 'ServiceUnavailable', message: 'internal failure at frontend node fe-17 (stack: at Kusto.Engine…)' } };
export const forbidden = {
  error: { code: 'InsufficientAccessError', message: 'The provided credentials have insufficient access to perform the requested operation' },
};

const ARG_COLUMNS = [
  { name: 'id', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'severity', type: 'string' },
  { name: 'unhealthyCount', type: 'integer' },
  { name: 'score', type: 'number' },
  { name: 'isPreview', type: 'boolean' },
  { name: 'properties', type: 'object' },
  { name: 'firstEvaluationDate', type: 'datetime' },
];

function assessment(i: number): unknown[] {
  return [
    `/subscriptions/${SUBSCRIPTIONS[i % 2]}/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/oai-${i}/providers/Microsoft.Security/assessments/a${i}`,
    `a${i}`,
    i % 2 ? 'High' : 'Medium',
    i,
    i / 10,
    i === 0,
    { status: { code: 'Unhealthy' }, resourceDetails: { Source: 'Azure' }, tags: [`t${i}`] },
    `2025-02-0${(i % 9) + 1}T00:00:00Z`,
  ];
}

/** One page of a `securityresources` query in `resultFormat: 'table'`; `skipToken` is set when more pages follow. */
export function argPage(rowsFrom: number, rowCount: number, skipToken?: string, totalRecords = rowCount): Record<string, unknown> {
  return {
    totalRecords,
    count: rowCount,
    resultTruncated: 'false',
    facets: [],
    ...(skipToken ? { $skipToken: skipToken } : {}),
    data: { columns: ARG_COLUMNS, rows: Array.from({ length: rowCount }, (_, k) => assessment(rowsFrom + k)) },
  };
}

/** ARG's error envelope for a query it cannot parse. */
export const argBadQuery = {
  error: {
    code: 'BadRequest',
    message: 'Please provide below info when asking for support: timestamp = 2025-03-04T05:06:07Z, correlationId = 1234.',
    details: [{ code: 'InvalidQuery', message: 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.' }],
  },
};

/** A fake TokenCredential: the stubs only check that a bearer token arrives. */
export const fakeCredential = {
  getToken: async () => ({ token: 'fake-token', expiresOnTimestamp: Date.now() + 3600e3 }),
};

/** Fast SDK retries for tests (the real back-off starts at 0.8–1 s); Retry-After is still honoured. */
export const fastRetries = { maxRetries: 2, retryDelayInMs: 5, maxRetryDelayInMs: 20 };

/**
 * A started HTTPS stub for the current describe block, reset before each test, with logs silenced meanwhile
 * (the adapters log every failure the tests provoke).
 */
export function useHttpsStub(): HttpsStub {
  const stub = new HttpsStub();
  before(async () => {
    setLogLevel('silent');
    await stub.start();
  });
  after(async () => {
    setLogLevel(process.env.LOG_LEVEL ?? 'info');
    await stub.stop();
  });
  beforeEach(() => stub.reset());
  return stub;
}
