import { AzureDiagnostics } from './azure-diagnostics';
import { policyresources, resources, securityresources } from './resource-graph';
import { SecureScores } from './secure-scores';
import { SecurityAlert } from './security-alert';
import { SecurityRecommendation } from './security-recommendation';
import { SecurityRegulatoryCompliance } from './security-regulatory-compliance';
import { SigninLogs } from './signin-logs';
import type { TableSchema } from './types';

export type { ColumnSchema, KustoType, TableSchema, TableSource } from './types';
export {
  AzureDiagnostics,
  policyresources,
  resources,
  SecureScores,
  SecurityAlert,
  SecurityRecommendation,
  SecurityRegulatoryCompliance,
  securityresources,
  SigninLogs,
};

/** Every table the bot queries: the one source of truth for the KQL engine, the simulator and the catalog tests. */
export const ALL_TABLES: readonly TableSchema[] = Object.freeze([
  SecurityAlert,
  SecurityRecommendation,
  SecureScores,
  SecurityRegulatoryCompliance,
  AzureDiagnostics,
  SigninLogs,
  resources,
  securityresources,
  policyresources,
]);

const BY_NAME = new Map(ALL_TABLES.map((t) => [t.name.toLowerCase(), t]));

/**
 * Looks a table up by name. Log Analytics table names are case-sensitive, ARG's are not: an exact match wins,
 * otherwise a case-insensitive match is accepted only for Resource Graph tables. Unknown → undefined.
 */
export function tableSchema(name: string): TableSchema | undefined {
  const hit = BY_NAME.get(name.toLowerCase());
  if (!hit) return undefined;
  if (hit.name === name || hit.source === 'resourcegraph') return hit;
  return undefined;
}

/** Kusto column type → the JS `typeof` of a non-null value (docs/conventions.md). `dynamic` may be anything. */
export function jsTypeOf(type: TableSchema['columns'][number]['type']): 'string' | 'number' | 'boolean' | 'Date' | 'any' {
  switch (type) {
    case 'string':
    case 'guid':
      return 'string';
    case 'int':
    case 'long':
    case 'real':
    case 'timespan':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'datetime':
      return 'Date';
    case 'dynamic':
      return 'any';
  }
}
