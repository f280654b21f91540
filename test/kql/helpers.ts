/** Shared fixtures for the KQL engine tests: one engine (the parser warms up once), small schemas and rows. */
import assert from 'node:assert/strict';
import { KqlEngine, type KqlResult, type Row } from '../../src/kql';
import type { TableSchema } from '../../src/schemas/types';

export const NOW = new Date('2024-02-01T00:00:00Z');

export const SCHEMAS: TableSchema[] = [
  {
    name: 'Alerts',
    source: 'logs',
    columns: [
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'AlertName', type: 'string' },
      { name: 'Severity', type: 'string' },
      { name: 'Count', type: 'long' },
      { name: 'Score', type: 'real' },
      { name: 'Entities', type: 'dynamic' },
      { name: 'Duration', type: 'timespan' },
      { name: 'Resolved', type: 'bool' },
    ],
  },
  {
    name: 'Resources',
    source: 'resourcegraph',
    columns: [
      { name: 'id', type: 'string' },
      { name: 'name', type: 'string' },
      { name: 'type', type: 'string' },
      { name: 'properties', type: 'dynamic' },
      { name: 'tags', type: 'dynamic' },
    ],
  },
];

const d = (s: string) => new Date(s);

export const ALERTS: Row[] = [
  { TimeGenerated: d('2024-01-31T10:15:00Z'), AlertName: 'Jailbreak attempt', Severity: 'High', Count: 3, Score: 0.9, Entities: { user: 'ann', ips: ['10.0.0.1', '10.0.0.2'] }, Duration: 60_000, Resolved: false },
  { TimeGenerated: d('2024-01-31T10:45:00Z'), AlertName: 'Jailbreak attempt', Severity: 'High', Count: 1, Score: 0.7, Entities: { user: 'bob', ips: [] }, Duration: 30_000, Resolved: true },
  { TimeGenerated: d('2024-01-31T11:05:00Z'), AlertName: 'Credential theft', Severity: 'Medium', Count: 5, Score: null, Entities: null, Duration: null, Resolved: null },
  { TimeGenerated: d('2024-01-25T08:00:00Z'), AlertName: 'Data leakage', Severity: 'Low', Count: null, Score: 0.2, Entities: { user: 'ann', ips: ['10.0.0.9'] }, Duration: 3_600_000, Resolved: false },
  { TimeGenerated: null, AlertName: 'Credential theft', Severity: 'Medium', Count: 2, Score: 0.5, Entities: { user: 'cy' }, Duration: 0, Resolved: true },
];

export const RESOURCES: Row[] = [
  { id: '/subscriptions/s1/rg/a/openai1', name: 'openai1', type: 'microsoft.cognitiveservices/accounts', properties: { kind: 'OpenAI', zone: 3 }, tags: { 'governance-zone': '3' } },
  { id: '/subscriptions/s1/rg/a/search1', name: 'search1', type: 'microsoft.search/searchservices', properties: { kind: 'Search', zone: 2 }, tags: {} },
];

export const DATA = { Alerts: ALERTS, Resources: RESOURCES };

let shared: KqlEngine | undefined;
export function engine(): KqlEngine {
  shared ??= new KqlEngine(SCHEMAS);
  return shared;
}

export function run(query: string, data: Record<string, readonly Row[]> = DATA): KqlResult {
  const result = engine().prepare(query).run(data, { now: NOW });
  assertShape(query, result);
  return result;
}

/** Rows as objects, for readable expectations. */
export function objects(query: string, data?: Record<string, readonly Row[]>): Row[] {
  const r = run(query, data);
  return r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c.name, row[i]])));
}

/** The first column of every row. */
export function column(query: string, data?: Record<string, readonly Row[]>): unknown[] {
  return run(query, data).rows.map((r) => r[0]);
}

/** The single value of a one-row, one-column result. */
export function scalar(query: string): unknown {
  const r = run(query);
  assert.equal(r.rows.length, 1, `${query}: one row`);
  return r.rows[0]![0];
}

/** Every result equals the parser's columns and each value has its column type's representation. */
export function assertShape(query: string, result: KqlResult): void {
  assert.deepEqual(result.columns, engine().analyze(query).columns, `${query}: columns as the parser infers them`);
  for (const row of result.rows) {
    assert.equal(row.length, result.columns.length, `${query}: row width`);
    row.forEach((v, i) => {
      const { name, type } = result.columns[i]!;
      if (v === null) return;
      const ok =
        type === 'datetime' ? v instanceof Date && !Number.isNaN(v.getTime())
          : type === 'string' || type === 'guid' ? typeof v === 'string'
            : type === 'bool' ? typeof v === 'boolean'
              : type === 'int' || type === 'long' ? Number.isInteger(v)
                : type === 'real' || type === 'timespan' || type === 'decimal' ? typeof v === 'number'
                  : v !== undefined;
      assert.ok(ok, `${query}: column ${name}:${type} holds ${JSON.stringify(v)}`);
    });
  }
}
