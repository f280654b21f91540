/** State shared by the compilers of one query: the query text (for positions), let bindings and the run environment. */
import { unsupported, type KqlError } from '../errors';
import { kindOf, type SNode } from '../syntax';
import type { Row, TableData } from '../types';

/** A compiled scalar expression over one row. */
export type Fn = (r: Row) => unknown;

/** Receives the rows of a table one by one (rows are shared between operators: never mutate them). */
export type Sink = (r: Row) => void;

/**
 * A compiled tabular expression pushes its rows, keyed by the output column names, into a sink. Streaming
 * keeps intermediate rows short-lived (where/extend/project allocate nothing that outlives the row).
 */
export type Each = (sink: Sink) => void;

export interface Compiled {
  fn: Fn;
  /** Kusto type name of the result (from the parser). */
  type: string;
  /** True when the value depends on neither the row nor the run (folded at compile time). */
  konst: boolean;
  /** Set when the expression is a plain column reference: operators then copy the stored value as is. */
  column?: string;
}

/** Per-run values; closures read it, run() replaces its fields before executing (runs are synchronous). */
export interface Env {
  now: number;
  data: TableData;
  /** Incremented per run: invalidates values cached for a run (let bindings, subqueries). */
  generation: number;
}

/** A value computed at most once per run. */
export function perRun<T>(env: Env, compute: () => T): () => T {
  let gen = -1;
  let value: T;
  return () => {
    if (gen !== env.generation) {
      value = compute();
      gen = env.generation;
    }
    return value;
  };
}

export interface LetBinding {
  scalar?: Compiled;
  table?: () => Row[];
}

/** Collects aggregate calls met while compiling a summarize aggregate expression. */
export interface AggregateSink {
  add(call: SNode, name: string): Fn;
}

export class Ctx {
  readonly env: Env = { now: 0, data: {}, generation: 0 };
  /** let-bound symbols (by the parser's symbol object identity). */
  readonly lets = new Map<object, LetBinding>();
  aggregates: AggregateSink | null = null;

  constructor(readonly query: string) {}

  text(n: SNode): string {
    return this.query.substr(n.TextStart, n.Width);
  }

  unsupported(n: SNode, construct?: string): KqlError {
    return unsupported(construct ?? describe(n), this.query, n.TextStart, n.Width);
  }
}

/** "SummarizeOperator" → "summarize operator" style names for error messages. */
function describe(n: SNode): string {
  return kindOf(n)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
