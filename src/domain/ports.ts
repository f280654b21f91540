import type { Finding } from './finding';

/** Health of a dependency as shown by GET /healthz. */
export interface DependencyStatus {
  ok: boolean;
  kind: string;
  detail?: string;
}

/** Where Defender data comes from: the simulated tenant (embedded) or Azure (Log Analytics, Resource Graph). */
export interface DefenderDataSource {
  readonly kind: string;
  status(): Promise<DependencyStatus>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Where a catalog query runs in production. */
export type QuerySource = 'logs' | 'resourcegraph';

export interface ResultColumn {
  name: string;
  /** Kusto type name: string, int, long, real, bool, datetime, timespan, dynamic, guid, decimal. */
  type: string;
}

/** A query's answer in the values of docs/conventions.md (datetime → Date, dynamic → JSON value, …). */
export interface QueryResult {
  columns: ResultColumn[];
  rows: unknown[][];
  /** Log Analytics returned partial results (e.g. a limit was hit); the card says so. */
  partial?: { reason: string };
}

/** Runs one bound catalog query (never free text from a user) against a data source. */
export interface QueryRunner {
  run(query: { id: string; source: QuerySource; text: string }): Promise<QueryResult>;
}

/**
 * Defender data could not be read (outage, throttling, timeout, a rejected query). `userMessage` is safe to
 * show in Teams; the cause stays in the logs.
 */
export class DataUnavailableError extends Error {
  constructor(
    readonly userMessage: string,
    readonly reason: 'throttled' | 'unavailable' | 'timeout' | 'bad_query' | 'unauthorized',
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
    this.name = 'DataUnavailableError';
  }
}

/**
 * Re-renders every card the bot posted for a finding (in every conversation) from the finding's current
 * state, e.g. after a triage decision. Updates go through the notification outbox (rate limits, retries).
 */
export interface FindingCards {
  refresh(tenantId: string, findingKey: string): Promise<void>;
  /** Posts the finding's card into one more conversation (e.g. the approvers'); `refresh` then updates it too. */
  deliver(conversation: { tenantId: string; conversationId: string }, finding: Finding): Promise<void>;
}
