/** Embedded mode's QueryRunner: catalog KQL on the simulated tenant through the local KQL engine. */
import type { Clock, QueryResult, QueryRunner, QuerySource } from '../domain/ports';
import { DataUnavailableError } from '../domain/ports';
import { KqlEngine, KqlError, type PreparedQuery } from '../kql';
import { ALL_TABLES } from '../schemas';
import type { SimulatedTenant } from '../sim';

/** Bound texts differ per slot values; keep the most recently used ones compiled. */
const MAX_PREPARED = 256;

export class EmbeddedQueryRunner implements QueryRunner {
  private readonly prepared = new Map<string, PreparedQuery>();

  constructor(
    private readonly tenant: SimulatedTenant,
    private readonly clock: Clock,
    private readonly engine: KqlEngine = new KqlEngine(ALL_TABLES),
  ) {}

  async run(query: { id: string; source: QuerySource; text: string }): Promise<QueryResult> {
    let result;
    try {
      result = this.prepare(query.text).run(this.tenant.tables, { now: this.clock.now() });
    } catch (err) {
      if (err instanceof KqlError) throw new DataUnavailableError(`The ${query.id} query could not run.`, 'bad_query', { cause: err });
      throw err;
    }
    return { columns: result.columns, rows: result.rows };
  }

  private prepare(text: string): PreparedQuery {
    let p = this.prepared.get(text);
    if (p) {
      // Re-insert: Map order is the eviction order.
      this.prepared.delete(text);
    } else {
      p = this.engine.prepare(text);
      if (this.prepared.size >= MAX_PREPARED) this.prepared.delete(this.prepared.keys().next().value as string);
    }
    this.prepared.set(text, p);
    return p;
  }
}
