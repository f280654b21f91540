import type { TokenCredential } from '@azure/identity';
import { bearerTokenAuthenticationPolicy, createDefaultHttpClient, createHttpHeaders, createPipelineFromOptions, createPipelineRequest, type HttpClient, type Pipeline } from '@azure/core-rest-pipeline';
import type { AzureClientOptions } from '../azure/client-options';
import { parseJson } from '../parse-json';

export interface GraphClientOptions {
  credential: TokenCredential;
  /** https://graph.microsoft.com, or a sovereign cloud's (or a test stub's) origin. */
  endpoint: string;
  clientOptions?: AzureClientOptions;
  /** Deadline per request, retries included (default 10 s: people wait on a card). */
  timeoutMs?: number;
}

/** A Graph error the caller can act on: the status, Graph's error code, and a message safe to log. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** What each Graph call needs from the bot identity, for error messages (docs/deploy.md lists them). */
const PERMISSION_HINT = 'the bot identity needs the Microsoft Graph application permissions GroupMember.Read.All and User.Read.All (admin consent)';

/**
 * Microsoft Graph v1.0 with the bot's own identity (application permissions), through core-rest-pipeline: bearer
 * token for `{endpoint}/.default`, retries with Retry-After on 429/503 (Graph throttles per app and tenant).
 */
export class GraphClient {
  private readonly pipeline: Pipeline;
  private readonly http: HttpClient = createDefaultHttpClient();
  private readonly origin: string;

  constructor(private readonly options: GraphClientOptions) {
    this.origin = new URL(options.endpoint).origin;
    this.pipeline = createPipelineFromOptions({ retryOptions: options.clientOptions?.retryOptions, tlsOptions: options.clientOptions?.tlsOptions });
    this.pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential: options.credential, scopes: `${this.origin}/.default` }));
  }

  /** GET `/v1.0{path}` (or an absolute nextLink on the same origin); 404 answers undefined. */
  async get<T>(pathOrUrl: string, headers: Record<string, string> = {}): Promise<T | undefined> {
    const url = pathOrUrl.startsWith('/') ? `${this.origin}/v1.0${pathOrUrl}` : pathOrUrl;
    // A nextLink elsewhere would carry the bot's Graph token to another host.
    if (new URL(url).origin !== this.origin) throw new GraphError(0, 'UnexpectedNextLink', `Graph paged to another host (${new URL(url).origin})`);
    const request = createPipelineRequest({ url, method: 'GET', headers: createHttpHeaders({ accept: 'application/json', ...headers }), abortSignal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000) });
    const response = await this.pipeline.sendRequest(this.http, request);
    if (response.status === 404) return undefined;
    const body = parseJson(response.bodyAsText);
    if (response.status >= 200 && response.status < 300) return body as T;
    const e = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    const hint = response.status === 403 ? ` (${PERMISSION_HINT})` : '';
    throw new GraphError(response.status, e?.code ?? 'Unknown', `Microsoft Graph answered ${response.status} ${e?.code ?? ''}: ${e?.message ?? 'no details'}${hint}`);
  }

  /** Every item of a collection, following `@odata.nextLink` (at most `maxPages` pages). */
  async all<T>(path: string, headers: Record<string, string> = {}, maxPages = 50): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    for (let page = 0; next; page++) {
      if (page >= maxPages) throw new GraphError(0, 'TooManyPages', `Graph returned more than ${maxPages} pages for ${path}`);
      const body: { value?: T[]; '@odata.nextLink'?: string } | undefined = await this.get(next, headers);
      // The collection's owner does not exist (e.g. a group id in the policy that is not in the directory).
      if (!body) throw new GraphError(404, 'Request_ResourceNotFound', `Microsoft Graph has no ${path.split('?')[0]}`);
      items.push(...(body?.value ?? []));
      next = body?.['@odata.nextLink'];
    }
    return items;
  }
}

