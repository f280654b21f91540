import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogsQueryClient } from '@azure/monitor-query-logs';

interface Call {
  signal: AbortSignal;
  /** The headers of the last 429 seen, in case the deadline ends the SDK's wait for Retry-After. */
  throttledHeaders?: { get(name: string): string | undefined };
}

const current = new AsyncLocalStorage<Call>();

/**
 * Binds each request to the deadline of the `withDeadline` call that sent it. LogsQueryClient 1.0.0 drops the
 * `abortSignal` of `queryWorkspace` options (it keeps only `requestOptions`), so the signal travels this way.
 * The outer policy runs outside the SDK's retry policy, so the deadline also ends its waits between retries;
 * the inner one (inside the retries) remembers a 429 so that a Retry-After longer than the deadline is reported
 * as throttling, not as a timeout.
 */
export function addDeadlinePolicies(pipeline: LogsQueryClient['pipeline']): void {
  pipeline.addPolicy({
    name: 'aiPostureBotDeadline',
    sendRequest(request, next) {
      const call = current.getStore();
      if (call) request.abortSignal = request.abortSignal ? AbortSignal.any([request.abortSignal as AbortSignal, call.signal]) : call.signal;
      return next(request);
    },
  });
  pipeline.addPolicy(
    {
      name: 'aiPostureBotThrottleMemo',
      async sendRequest(request, next) {
        const response = await next(request);
        const call = current.getStore();
        if (call && response.status === 429) call.throttledHeaders = response.headers;
        return response;
      },
    },
    { afterPhase: 'Retry' },
  );
}

/** Runs `fn` with the requests it sends through clients with the deadline policies bound to `signal`. */
export async function withDeadline<T>(signal: AbortSignal, fn: () => Promise<T>): Promise<T> {
  const call: Call = { signal };
  try {
    return await current.run(call, fn);
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError' && call.throttledHeaders) {
      throw Object.assign(new Error('throttled until after the deadline'), { statusCode: 429, response: { headers: call.throttledHeaders }, cause: error });
    }
    throw error;
  }
}
