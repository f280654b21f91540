import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogsQueryClient } from '@azure/monitor-query-logs';

const current = new AsyncLocalStorage<AbortSignal>();

/**
 * LogsQueryClient 1.0.0 drops the `abortSignal` of `queryWorkspace` options (its option conversion keeps only
 * `requestOptions`), so the deadline reaches its requests through this pipeline policy instead. The policy runs
 * outside the retry policy, so the signal also ends the SDK's waits between retries.
 */
export function addDeadlinePolicy(pipeline: LogsQueryClient['pipeline']): void {
  pipeline.addPolicy({
    name: 'aiPostureBotDeadline',
    sendRequest(request, next) {
      const deadline = current.getStore();
      if (deadline) request.abortSignal = request.abortSignal ? AbortSignal.any([request.abortSignal as AbortSignal, deadline]) : deadline;
      return next(request);
    },
  });
}

/** Runs `fn` with every request it sends through a client with the deadline policy bound to `signal`. */
export function withDeadline<T>(signal: AbortSignal, fn: () => Promise<T>): Promise<T> {
  return current.run(signal, fn);
}
