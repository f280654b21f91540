import assert from 'node:assert/strict';
import { ALL_TABLES, jsTypeOf, tableSchema } from '../../src/schemas';

const col = (table: string, name: string) => tableSchema(table)?.columns.find((c) => c.name === name)?.type;

describe('table schemas', () => {
  it('lists the nine tables the bot reads, each once', () => {
    assert.deepEqual(
      ALL_TABLES.map((t) => t.name),
      [
        'SecurityAlert',
        'SecurityRecommendation',
        'SecureScores',
        'SecurityRegulatoryCompliance',
        'AzureDiagnostics',
        'SigninLogs',
        'resources',
        'securityresources',
        'policyresources',
      ],
    );
  });

  it('has no duplicate column in any table', () => {
    for (const t of ALL_TABLES) assert.equal(new Set(t.columns.map((c) => c.name)).size, t.columns.length, t.name);
  });

  it('keeps the documented column counts and types of the Log Analytics tables', () => {
    assert.equal(tableSchema('SecurityAlert')?.columns.length, 35);
    assert.equal(tableSchema('SecurityRecommendation')?.columns.length, 23);
    assert.equal(tableSchema('SecureScores')?.columns.length, 19);
    assert.equal(tableSchema('SecurityRegulatoryCompliance')?.columns.length, 22);
    assert.equal(tableSchema('SigninLogs')?.columns.length, 77);
    assert.equal(col('SecurityAlert', 'ExtendedProperties'), 'string');
    assert.equal(col('SecurityAlert', 'IsIncident'), 'bool');
    assert.equal(col('SecurityAlert', 'ConfidenceScore'), 'real');
    assert.equal(col('SecurityRecommendation', 'Properties'), 'dynamic');
    assert.equal(col('SecureScores', 'MaxScore'), 'int');
    assert.equal(col('SecureScores', 'Weight'), 'long');
    assert.equal(col('SecurityRegulatoryCompliance', 'FailedResources'), 'int');
    assert.equal(col('SigninLogs', 'Status'), 'dynamic');
    assert.equal(col('SigninLogs', 'DurationMs'), 'long');
    assert.equal(col('SigninLogs', 'ProcessingTimeInMilliseconds'), 'string');
    assert.equal(col('AzureDiagnostics', 'DurationMs'), 'long');
    assert.equal(col('AzureDiagnostics', 'CallerIPAddress'), 'string');
    assert.equal(col('AzureDiagnostics', 'properties_s'), 'string');
    assert.equal(col('AzureDiagnostics', 'AdditionalFields'), 'dynamic');
  });

  it('gives the three Resource Graph tables the standard ARG columns', () => {
    for (const name of ['resources', 'securityresources', 'policyresources']) {
      const t = tableSchema(name);
      assert.equal(t?.source, 'resourcegraph');
      assert.deepEqual(
        t?.columns.map((c) => `${c.name}:${c.type}`),
        [
          'id:string', 'name:string', 'type:string', 'tenantId:string', 'kind:string', 'location:string',
          'resourceGroup:string', 'subscriptionId:string', 'managedBy:string', 'sku:dynamic', 'plan:dynamic',
          'properties:dynamic', 'tags:dynamic', 'identity:dynamic', 'zones:dynamic', 'extendedLocation:dynamic',
        ],
      );
    }
  });

  it('finds ARG tables case-insensitively but Log Analytics tables only by exact name', () => {
    assert.equal(tableSchema('SecurityResources')?.name, 'securityresources');
    assert.equal(tableSchema('SecurityAlert')?.name, 'SecurityAlert');
    assert.equal(tableSchema('securityalert'), undefined);
    assert.equal(tableSchema('NoSuchTable'), undefined);
  });

  it('maps Kusto types to JS value types per docs/conventions.md', () => {
    assert.equal(jsTypeOf('datetime'), 'Date');
    assert.equal(jsTypeOf('timespan'), 'number');
    assert.equal(jsTypeOf('long'), 'number');
    assert.equal(jsTypeOf('guid'), 'string');
    assert.equal(jsTypeOf('bool'), 'boolean');
    assert.equal(jsTypeOf('dynamic'), 'any');
  });
});
