import { DataUnavailableError } from '../../domain/ports';
import { log } from '../../log';

/** What the Azure SDKs throw, read by shape: RestError and AbortError come from transitive packages. */
interface SdkError {
  name?: string;
  message?: string;
  code?: string;
  statusCode?: number;
  response?: { headers?: { get(name: string): string | undefined } };
  details?: unknown;
}

/** Which service failed, for the message ("… lacks read access to Log Analytics workspace …"). */
export interface FailureContext {
  service: 'Log Analytics' | 'Resource Graph';
  /** What the identity must be able to read, e.g. "the Log Analytics workspace 0000…". */
  scope: string;
  queryId: string;
  timeoutMs: number;
}

/**
 * Maps an SDK failure (after the SDK's own retries) to a DataUnavailableError whose message is safe for Teams.
 * The raw error, its body and stack go to the log only.
 */
export function toDataUnavailable(error: unknown, ctx: FailureContext): DataUnavailableError {
  if (error instanceof DataUnavailableError) return error;
  const e = (error ?? {}) as SdkError;
  const status = e.statusCode;
  const details = { queryId: ctx.queryId, service: ctx.service, status, code: e.code, message: e.message, details: e.details };
  const make = (reason: DataUnavailableError['reason'], text: string) => {
    log().warn({ err: error, ...details, reason }, 'azure query failed');
    return new DataUnavailableError(text, reason, { cause: error });
  };

  if (e.name === 'AbortError' || e.code === 'ETIMEDOUT' || e.code === 'ESOCKETTIMEDOUT') {
    return make('timeout', `Defender data is unavailable (${ctx.service} did not answer within ${seconds(ctx.timeoutMs)} s), try again later.`);
  }
  if (status === 429) {
    const wait = retryAfterSeconds(e);
    const when = wait !== undefined ? `in ${wait} s` : 'in a minute';
    return make('throttled', `Defender data is unavailable (${ctx.service} is throttling the bot), try again ${when}.`);
  }
  if (status === 401 || status === 403) {
    return make('unauthorized', `Defender data is unavailable (the bot's identity lacks read access to ${ctx.scope}), ask an administrator to grant it.`);
  }
  if (status === 400) {
    return make('bad_query', `Defender data is unavailable (${ctx.service} rejected the prebuilt query "${ctx.queryId}"), please report this to the bot's maintainers.`);
  }
  if (status !== undefined && status >= 500) {
    return make('unavailable', `Defender data is unavailable (${ctx.service} answered with a server error ${status}), try again in a few minutes.`);
  }
  const what = status !== undefined ? `answered with status ${status}` : 'could not be reached';
  return make('unavailable', `Defender data is unavailable (${ctx.service} ${what}), try again in a few minutes.`);
}

/** Retry-After in whole seconds (delta-seconds or HTTP date); the millisecond variants are rounded up. */
export function retryAfterSeconds(e: SdkError): number | undefined {
  const headers = e.response?.headers;
  if (!headers) return undefined;
  const seconds = headers.get('retry-after');
  if (seconds !== undefined && seconds !== '') {
    const n = Number(seconds);
    if (Number.isFinite(n)) return Math.max(0, Math.ceil(n));
    const at = Date.parse(seconds);
    if (Number.isFinite(at)) return Math.max(0, Math.ceil((at - Date.now()) / 1000));
  }
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = Number(headers.get(name));
    if (headers.get(name) && Number.isFinite(ms)) return Math.max(0, Math.ceil(ms / 1000));
  }
  return undefined;
}

// "30" for 30 000 ms, "0.3" for 300 ms (tests), never "0".
function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
