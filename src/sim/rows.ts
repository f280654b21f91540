import type { TableSchema } from '../schemas';
import { TENANT_ID } from './constants';

/** One row: keyed by column name, values as in docs/conventions.md (datetime → Date, dynamic → JSON value, missing → null). */
export type Row = Record<string, unknown>;

/** Builds a row with exactly the schema's columns (in schema order); columns not given are null. */
export function makeRow(schema: TableSchema, values: Row): Row {
  const row: Row = {};
  for (const c of schema.columns) {
    const v = values[c.name];
    row[c.name] = v === undefined ? null : v;
  }
  for (const key of Object.keys(values)) {
    if (!(key in row)) throw new Error(`${schema.name} has no column ${key}`);
  }
  return row;
}

/** ISO-8601 text the way ARM/ARG JSON carries timestamps inside `properties`. */
export const iso = (d: Date): string => d.toISOString();

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * A Resource Graph record about one simulated resource (an assessment, exemption, policy state, governance
 * assignment): the standard ARG columns filled as ARG fills them for such extension records.
 */
export function resourceRecord(schema: TableSchema, resource: { subscriptionId: string; resourceGroup: string }, record: { id: string; name: string; type: string; properties: Row }): Row {
  return makeRow(schema, { ...record, tenantId: TENANT_ID, kind: '', location: '', resourceGroup: resource.resourceGroup.toLowerCase(), subscriptionId: resource.subscriptionId, managedBy: '' });
}
