/** Kusto scalar types used by the tables this project reads. */
export type KustoType = 'string' | 'int' | 'long' | 'real' | 'bool' | 'datetime' | 'timespan' | 'dynamic' | 'guid';

export interface ColumnSchema {
  name: string;
  type: KustoType;
}

/** Where a table lives in production: a Log Analytics workspace or Azure Resource Graph. */
export type TableSource = 'logs' | 'resourcegraph';

export interface TableSchema {
  name: string;
  source: TableSource;
  columns: readonly ColumnSchema[];
}
