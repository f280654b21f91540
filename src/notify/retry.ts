/** What to do after a failed send, from the connector's HTTP status. */
export type FailureClass = 'throttled' | 'transient' | 'unreachable' | 'fatal';

export function classifyFailure(status: number | undefined): FailureClass {
  if (status === 429) return 'throttled';
  if (status === 403 || status === 404) return 'unreachable';
  // No status = the request never got an answer (connection refused or reset): worth another try.
  if (status === undefined || status === 412 || status === 408 || status >= 500) return 'transient';
  return 'fatal';
}

/** Exponential backoff with full jitter between half and the whole step, capped. */
export function backoffMs(attempt: number, random: () => number = Math.random, baseMs = 500, capMs = 60_000): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Retry-After is seconds or an HTTP date; an unreadable value falls back to one second. */
export function retryAfterMs(header: string | undefined, now: number): number {
  if (!header) return 1_000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? 1_000 : Math.max(0, at - now);
}
