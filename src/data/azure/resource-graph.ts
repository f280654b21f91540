import type { TokenCredential } from '@azure/identity';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { DataUnavailableError, type QueryResult, type QueryRunner, type QuerySource, type ResultColumn } from '../../domain/ports';
import { log } from '../../log';
import { DEFAULT_TIMEOUT_MS, type AzureClientOptions } from './client-options';
import { addDeadlinePolicies, withDeadline } from './deadline';
import { toDataUnavailable } from './errors';
import { convertRows } from './values';

/** ARG's table-format column types (ColumnDataType) → Kusto type names used by the rest of the bot. */
const ARG_TYPES: Record<string, string> = {
  string: 'string',
  integer: 'long',
  number: 'real',
  boolean: 'bool',
  object: 'dynamic',
  datetime: 'datetime',
};

/** ARG pages hold at most 1,000 rows: 20 pages is 20,000 rows, far more than a Teams card can show. */
export const DEFAULT_MAX_PAGES = 20;
const PAGE_SIZE = 1000;

export interface ResourceGraphRunnerOptions {
  credential: TokenCredential;
  subscriptionIds: string[];
  /** Replaces https://management.azure.com (tests). */
  endpoint?: string;
  timeoutMs?: number;
  maxPages?: number;
  clientOptions?: AzureClientOptions;
}

interface ArgTable {
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

/**
 * Runs catalog queries whose source is `resourcegraph` across all configured subscriptions, following
 * `$skipToken` until the last page. It asks for `resultFormat: 'table'` because only that format carries
 * column types, and it still names the columns when no row matches (objectArray then returns `[]`).
 */
export class ResourceGraphQueryRunner implements QueryRunner {
  private readonly client: ResourceGraphClient;
  private readonly timeoutMs: number;
  private readonly maxPages: number;

  constructor(private readonly options: ResourceGraphRunnerOptions) {
    this.client = new ResourceGraphClient(options.credential, { ...options.clientOptions, endpoint: options.endpoint });
    addDeadlinePolicies(this.client.pipeline);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  }

  async run(query: { id: string; source: QuerySource; text: string }): Promise<QueryResult> {
    if (query.source !== 'resourcegraph') throw new Error(`query ${query.id} is for ${query.source}, not Resource Graph`);
    try {
      // One deadline for all pages: the user waits for the whole answer.
      const { columns, rows, truncated } = await withDeadline(AbortSignal.timeout(this.timeoutMs), () => this.allPages(query.id, query.text));
      // ARG truncates when a query cannot be paged (no `id` column to sort on); the card says so.
      return truncated ? { columns, rows, partial: { reason: 'Resource Graph returned only part of the results (the answer was truncated)' } } : { columns, rows };
    } catch (error) {
      throw toDataUnavailable(error, {
        service: 'Resource Graph',
        scope: `the subscriptions ${this.options.subscriptionIds.join(', ')}`,
        queryId: query.id,
        timeoutMs: this.timeoutMs,
      });
    }
  }

  private async allPages(queryId: string, text: string): Promise<{ columns: ResultColumn[]; rows: unknown[][]; truncated: boolean }> {
    let columns: ResultColumn[] = [];
    const rows: unknown[][] = [];
    let truncated = false;
    let skipToken: string | undefined;
    for (let page = 1; ; page++) {
      const answer = await this.client.resources({
        subscriptions: this.options.subscriptionIds,
        query: text,
        options: { resultFormat: 'table', top: PAGE_SIZE, ...(skipToken ? { skipToken } : {}) },
      });
      const table = answer.data as ArgTable;
      if (page === 1) columns = table.columns.map((c) => ({ name: c.name, type: ARG_TYPES[c.type] ?? 'dynamic' }));
      rows.push(...convertRows(columns, table.rows));
      truncated ||= answer.resultTruncated === 'true';
      skipToken = answer.skipToken;
      if (!skipToken) return { columns, rows, truncated };
      if (page >= this.maxPages) throw tooManyPages(queryId, this.maxPages);
    }
  }
}

function tooManyPages(queryId: string, maxPages: number): DataUnavailableError {
  log().warn({ queryId, maxPages }, 'Resource Graph answer has more pages than allowed');
  return new DataUnavailableError(
    `Defender data is unavailable (the prebuilt query "${queryId}" matched more than ${maxPages * PAGE_SIZE} rows), please report this to the bot's maintainers.`,
    'bad_query',
  );
}
