import type { TokenCredential } from '@azure/identity';
import { LogsQueryClient, LogsQueryResultStatus, type LogsTable, type QueryTimeInterval } from '@azure/monitor-query-logs';
import type { QueryResult, QueryRunner, QuerySource } from '../../domain/ports';
import { log } from '../../log';
import { addDeadlinePolicies, withDeadline } from './deadline';
import { DEFAULT_TIMEOUT_MS, type AzureClientOptions } from './client-options';
import { toDataUnavailable } from './errors';
import { convertRows } from './values';

/**
 * The request's timespan is intersected with the query's own filters, and every catalog query carries its
 * `ago(…)`/`between` filter, so the request asks for the widest window a workspace can hold interactively
 * (two years). A narrower default here would silently cut "last 90 days" questions short.
 */
export const WIDEST_TIMESPAN = { duration: 'P730D' } satisfies QueryTimeInterval;

export interface LogAnalyticsRunnerOptions {
  credential: TokenCredential;
  /** The workspace GUID (Log Analytics workspace → Overview → Workspace ID). */
  workspaceId: string;
  /** Replaces https://api.loganalytics.io/v1 (tests): it must end with `/v1`. */
  endpoint?: string;
  timeoutMs?: number;
  timespan?: QueryTimeInterval;
  clientOptions?: AzureClientOptions;
}

/** Runs catalog queries whose source is `logs` on one Log Analytics workspace. */
export class LogAnalyticsQueryRunner implements QueryRunner {
  private readonly client: LogsQueryClient;
  private readonly timeoutMs: number;

  constructor(private readonly options: LogAnalyticsRunnerOptions) {
    this.client = new LogsQueryClient(options.credential, { ...options.clientOptions, endpoint: options.endpoint });
    addDeadlinePolicies(this.client.pipeline);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async run(query: { id: string; source: QuerySource; text: string }): Promise<QueryResult> {
    if (query.source !== 'logs') throw new Error(`query ${query.id} is for ${query.source}, not Log Analytics`);
    try {
      const answer = await withDeadline(AbortSignal.timeout(this.timeoutMs), () =>
        this.client.queryWorkspace(this.options.workspaceId, query.text, this.options.timespan ?? WIDEST_TIMESPAN, {
          // The service stops work nobody waits for any more (its own default is 3 minutes).
          serverTimeoutInSeconds: Math.ceil(this.timeoutMs / 1000),
        }),
      );
      if (answer.status === LogsQueryResultStatus.PartialFailure) {
        log().warn({ queryId: query.id, error: answer.partialError }, 'Log Analytics returned partial results');
        // The card shows the reason: plain words, not the service's message (the SDK drops its inner detail anyway).
        return { ...fromTable(answer.partialTables[0]), partial: { reason: 'Log Analytics returned only part of the results' } };
      }
      return fromTable(answer.tables[0]);
    } catch (error) {
      throw toDataUnavailable(error, {
        service: 'Log Analytics',
        scope: `the Log Analytics workspace ${this.options.workspaceId}`,
        queryId: query.id,
        timeoutMs: this.timeoutMs,
      });
    }
  }
}

function fromTable(table: LogsTable | undefined): QueryResult {
  if (!table) return { columns: [], rows: [] };
  const columns = table.columnDescriptors.map((c) => ({ name: c.name ?? '', type: c.type ?? 'string' }));
  return { columns, rows: convertRows(columns, table.rows) };
}
