/**
 * The part of the Azure SDK client options the adapters pass through (a structural subset of core-rest-pipeline's
 * PipelineOptions, so no transitive package is imported). Production leaves it empty: SDK defaults apply.
 */
export interface AzureClientOptions {
  /** Tests shorten the SDK's retry back-off; 429 Retry-After is always honoured by the SDK. */
  retryOptions?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
  /** Tests trust the stub's self-signed certificate here (`ca` replaces the default CA list for this client only). */
  tlsOptions?: { ca?: string | string[] };
}

/** How long one query may take, SDK retries included, before the user is told it timed out. */
export const DEFAULT_TIMEOUT_MS = 30_000;
