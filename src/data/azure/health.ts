import {
  DataUnavailableError,
  type Clock,
  type DefenderDataSource,
  type DependencyStatus,
  type QueryResult,
  type QueryRunner,
  type QuerySource,
} from '../../domain/ports';
import type { InventoryState } from './inventory';

/** How long an observed outcome (a real query or a probe) stands for the service's health. */
export const HEALTH_MAX_AGE_MS = 60_000;

const SERVICES: Record<QuerySource, string> = { logs: 'Log Analytics', resourcegraph: 'Resource Graph' };
/** The cheapest real call of each service: no table is scanned. */
const PROBES: Record<QuerySource, string> = { logs: 'print ok = 1', resourcegraph: 'resources | take 1 | project id' };

export interface Outcome {
  ok: boolean;
  at: number;
  detail?: string;
}

/**
 * The QueryRunner the whole bot uses in Azure mode: it notes whether Log Analytics and Resource Graph answered
 * each query. A rejected query (`bad_query`) is a bug in that one query, not an outage, and is not noted.
 */
export class ObservedRunner implements QueryRunner {
  private readonly outcomes = new Map<QuerySource, Outcome>();

  constructor(
    private readonly inner: QueryRunner,
    private readonly clock: Clock,
  ) {}

  async run(query: { id: string; source: QuerySource; text: string }): Promise<QueryResult> {
    try {
      const result = await this.inner.run(query);
      this.note(query.source, true);
      return result;
    } catch (err) {
      if (!(err instanceof DataUnavailableError) || err.reason !== 'bad_query') this.note(query.source, false, reasonOf(err));
      throw err;
    }
  }

  outcome(source: QuerySource): Outcome | undefined {
    return this.outcomes.get(source);
  }

  note(source: QuerySource, ok: boolean, detail?: string): void {
    this.outcomes.set(source, { ok, at: this.clock.now().getTime(), ...(detail ? { detail } : {}) });
  }
}

/**
 * Azure mode's data source status for /healthz. It reports what the bot's own queries saw while that is younger
 * than 60 s and otherwise sends one cheap probe per service (`print ok = 1`, `resources | take 1`), so health
 * checks cost at most two small calls a minute however often /healthz is polled. A throttled or failing service,
 * or an AI inventory that has never loaded, makes the status degraded.
 */
export class AzureDataSource implements DefenderDataSource {
  readonly kind = 'azure';
  private readonly probing = new Map<QuerySource, Promise<void>>();

  constructor(private readonly o: { runner: ObservedRunner; inventory: () => InventoryState; clock: Clock; maxAgeMs?: number }) {}

  async status(): Promise<DependencyStatus> {
    const sources = Object.keys(SERVICES) as QuerySource[];
    await Promise.all(sources.map((s) => (this.fresh(s) ? undefined : this.probe(s))));
    const services = sources.map((s) => {
      const o = this.o.runner.outcome(s);
      return { ok: o?.ok === true, text: `${SERVICES[s]} ${o?.ok ? 'ok' : `failing: ${o?.detail ?? 'not checked'}`}` };
    });
    const inv = this.o.inventory();
    const loaded = inv.loadedAt !== undefined;
    const inventory = !inv.error
      ? `inventory: ${inv.count} AI resources (loaded ${inv.loadedAt?.toISOString() ?? 'not yet'})`
      : loaded
        ? `inventory stale (${inv.count} AI resources from ${inv.loadedAt!.toISOString()}): ${inv.error}`
        : `inventory not loaded: ${inv.error}`;
    return { ok: services.every((s) => s.ok) && loaded, kind: this.kind, detail: [...services.map((s) => s.text), inventory].join('; ') };
  }

  private fresh(source: QuerySource): boolean {
    const o = this.o.runner.outcome(source);
    return o !== undefined && this.o.clock.now().getTime() - o.at < (this.o.maxAgeMs ?? HEALTH_MAX_AGE_MS);
  }

  /** One probe per service at a time: concurrent /healthz calls share it. */
  private probe(source: QuerySource): Promise<void> {
    let p = this.probing.get(source);
    if (!p) {
      p = this.o.runner
        .run({ id: `health-${source}`, source, text: PROBES[source] })
        .then(
          () => undefined,
          // A probe the service rejects means it is not usable, even though the runner ignores bad_query.
          (err: unknown) => this.o.runner.note(source, false, reasonOf(err)),
        )
        .finally(() => this.probing.delete(source));
      this.probing.set(source, p);
    }
    return p;
  }
}

function reasonOf(err: unknown): string {
  return err instanceof DataUnavailableError ? err.userMessage : ((err as Error)?.message ?? String(err));
}
