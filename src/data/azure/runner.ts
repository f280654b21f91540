import type { TokenCredential } from '@azure/identity';
import type { QueryResult, QueryRunner, QuerySource } from '../../domain/ports';
import type { AzureClientOptions } from './client-options';
import { LogAnalyticsQueryRunner } from './log-analytics';
import { ResourceGraphQueryRunner } from './resource-graph';

export interface AzureQueryRunnerOptions {
  credential: TokenCredential;
  /** Log Analytics workspace GUID. */
  workspaceId: string;
  subscriptionIds: string[];
  /** Tests: a stub's base URL; the Log Analytics one must end with `/v1`. */
  logsEndpoint?: string;
  resourceGraphEndpoint?: string;
  /** Deadline per query, SDK retries included (default 30 s). */
  timeoutMs?: number;
  clientOptions?: AzureClientOptions;
}

/** Azure mode's QueryRunner: routes each catalog query to Log Analytics or Resource Graph by its source. */
export function createAzureQueryRunner(options: AzureQueryRunnerOptions): QueryRunner {
  const shared = { credential: options.credential, timeoutMs: options.timeoutMs, clientOptions: options.clientOptions };
  const runners: Record<QuerySource, QueryRunner> = {
    logs: new LogAnalyticsQueryRunner({ ...shared, workspaceId: options.workspaceId, endpoint: options.logsEndpoint }),
    resourcegraph: new ResourceGraphQueryRunner({ ...shared, subscriptionIds: options.subscriptionIds, endpoint: options.resourceGraphEndpoint }),
  };
  return {
    run(query: { id: string; source: QuerySource; text: string }): Promise<QueryResult> {
      const runner = runners[query.source];
      if (!runner) return Promise.reject(new Error(`query ${query.id} has an unknown source "${String(query.source)}"`));
      return runner.run(query);
    },
  };
}
