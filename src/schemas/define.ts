import type { ColumnSchema, KustoType, TableSchema, TableSource } from './types';

const KUSTO_TYPES: readonly KustoType[] = ['string', 'int', 'long', 'real', 'bool', 'datetime', 'timespan', 'dynamic', 'guid'];

/**
 * Builds a table schema from a compact "Name:type" list (whitespace or comma separated), so each
 * schema file reads like the Microsoft column table it was transcribed from.
 */
export function defineTable(name: string, source: TableSource, spec: string): TableSchema {
  const seen = new Set<string>();
  const columns: ColumnSchema[] = [];
  for (const part of spec.split(/[\s,]+/).filter(Boolean)) {
    const [col, type] = part.split(':');
    if (!col || !type || !(KUSTO_TYPES as readonly string[]).includes(type)) throw new Error(`${name}: bad column spec "${part}"`);
    if (seen.has(col)) throw new Error(`${name}: duplicate column ${col}`);
    seen.add(col);
    columns.push({ name: col, type: type as KustoType });
  }
  return Object.freeze({ name, source, columns: Object.freeze(columns) });
}
