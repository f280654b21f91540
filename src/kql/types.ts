/** Public value types of the local KQL engine (see docs/conventions.md for the value representation). */

/** A row: plain object keyed by column name; datetime → Date, timespan → ms, dynamic → JSON value, missing → null. */
export type Row = Record<string, unknown>;

/** Kusto type names: string, int, long, real, bool, datetime, timespan, dynamic, guid, decimal. */
export interface KqlColumn {
  name: string;
  type: string;
}

export interface KqlResult {
  columns: KqlColumn[];
  rows: unknown[][];
}

/** Input tables by name. */
export type TableData = Readonly<Record<string, readonly Row[]>>;

export interface RunOptions {
  /** The instant `now()` and `ago()` use; defaults to the real clock, read once per run. */
  now?: Date;
}

export interface PreparedQuery {
  readonly query: string;
  /** Output columns as the parser infers them (code.ResultType). */
  readonly columns: KqlColumn[];
  run(data: TableData, options?: RunOptions): KqlResult;
  /** Like run, but rows as objects keyed by column name. */
  runObjects(data: TableData, options?: RunOptions): Row[];
}
