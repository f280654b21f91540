/** The local KQL engine: parse + bind with the official parser, compile once, run on in-memory rows. */
import type { TableSchema } from '../schemas/types';
import { analyzeWith, SchemaGlobals, tokensOf, type Analysis, type KqlToken } from './analyze';
import { Ctx } from './compile/context';
import { toStored } from './compile/operators/store';
import { compileQuery } from './compile/query';
import { collect } from './compile/tabular';
import { KqlError } from './errors';
import type { KqlColumn, KqlResult, PreparedQuery, Row, RunOptions, TableData } from './types';

export class KqlEngine {
  private readonly globals: SchemaGlobals;

  constructor(schemas: readonly TableSchema[]) {
    this.globals = new SchemaGlobals(schemas);
  }

  /** Diagnostics, output columns and the analysed tree; never throws for bad KQL. */
  analyze(query: string): Analysis {
    return analyzeWith(this.globals, query);
  }

  /** Lexical tokens of a query; `literal` marks the values a slot binder may change. */
  tokens(query: string): KqlToken[] {
    return tokensOf(this.analyze(query).code);
  }

  /** Throws KqlError with the parser's diagnostics, or naming a construct the engine does not run. */
  prepare(query: string): PreparedQuery {
    const analysis = this.analyze(query);
    if (!analysis.ok) {
      const errors = analysis.diagnostics.filter((d) => d.severity === 'Error');
      const first = errors[0]!;
      throw new KqlError(`KQL error at line ${first.line}, column ${first.column}: ${first.message} (${first.code})`, errors);
    }
    const ctx = new Ctx(query);
    const compiled = compileQuery(analysis.code.Syntax!, ctx);
    return new Prepared(query, analysis.columns, () => collect(compiled.each), ctx);
  }
}

class Prepared implements PreparedQuery {
  constructor(
    readonly query: string,
    readonly columns: KqlColumn[],
    private readonly table: () => Row[],
    private readonly ctx: Ctx,
  ) {}

  /** Rows as fresh objects with exactly the output columns (never the caller's input objects). */
  runObjects(data: TableData, options?: RunOptions): Row[] {
    const { columns, rows } = this.run(data, options);
    return rows.map((row) => {
      const o: Row = {};
      columns.forEach((c, i) => (o[c.name] = row[i]));
      return o;
    });
  }

  private execute(data: TableData, options: RunOptions = {}): Row[] {
    const env = this.ctx.env;
    env.data = data;
    env.now = (options.now ?? new Date()).getTime();
    env.generation++;
    try {
      return this.table();
    } finally {
      env.data = {};
    }
  }

  run(data: TableData, options?: RunOptions): KqlResult {
    const objects = this.execute(data, options);
    const cols = this.columns;
    const rows = new Array<unknown[]>(objects.length);
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i]!;
      const row = new Array<unknown>(cols.length);
      for (let j = 0; j < cols.length; j++) {
        const c = cols[j]!;
        const v = o[c.name];
        row[j] = c.type === 'datetime' && !(v instanceof Date) ? toStored(v, 'datetime') : v === undefined ? null : v;
      }
      rows[i] = row;
    }
    return { columns: cols.map((c) => ({ ...c })), rows };
  }
}
