import type { TokenCredential } from '@azure/identity';
import { PolicyClient } from '@azure/arm-policy';
import { SecurityCenter } from '@azure/arm-security';
import { createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import { PermanentWriteError } from '../../domain/triage/ports';
import type { AzureClientOptions } from '../azure/client-options';
import { parseJson } from '../parse-json';

const MANAGEMENT = 'https://management.azure.com';

export interface ArmOptions {
  credential: TokenCredential;
  /** Replaces https://management.azure.com (sovereign clouds, tests). */
  endpoint?: string;
  clientOptions?: AzureClientOptions;
}

interface SdkError {
  statusCode?: number;
  message?: string;
}

type Client = SecurityCenter | PolicyClient;

/** 4xx other than timeout, conflict and throttling will fail the same way again: no retry. */
export function classify(status: number | undefined, what: string, detail: string): Error {
  const message = `${what} failed${status ? ` with HTTP ${status}` : ''}: ${detail}`;
  return status && status >= 400 && status < 500 && ![408, 409, 429].includes(status) ? new PermanentWriteError(message) : new Error(message);
}

/**
 * The SDK clients whose pipelines carry the raw Microsoft.Security and Microsoft.Authorization requests the
 * SDKs have no operations for (auth, retry and 429 policies included): one SecurityCenter per subscription and
 * one PolicyClient.
 */
export class ArmClients {
  readonly endpoint: string;
  readonly policy: PolicyClient;
  private readonly security = new Map<string, SecurityCenter>();

  constructor(private readonly options: ArmOptions) {
    this.endpoint = (options.endpoint ?? MANAGEMENT).replace(/\/$/, '');
    this.policy = new PolicyClient(options.credential, { ...options.clientOptions, endpoint: options.endpoint });
  }

  /** The SecurityCenter client of the subscription an ARM id lives in. */
  securityFor(id: string): SecurityCenter {
    const sub = /\/subscriptions\/([^/]+)/i.exec(id)?.[1];
    if (!sub) throw new PermanentWriteError(`no subscription in ${id}`);
    let client = this.security.get(sub.toLowerCase());
    if (!client) {
      client = new SecurityCenter(this.options.credential, sub, { ...this.options.clientOptions, endpoint: this.options.endpoint });
      this.security.set(sub.toLowerCase(), client);
    }
    return client;
  }

  /** One request to `{endpoint}{path}?api-version=…`; 2xx (and `alsoOk`) succeed, anything else throws. */
  async send(client: Client, method: 'GET' | 'PUT' | 'DELETE', path: string, apiVersion: string, body: unknown, what: string, alsoOk: number[] = []): Promise<unknown> {
    return this.request(client, method, `${this.endpoint}${path}?api-version=${apiVersion}`, body, what, alsoOk);
  }

  /** Every item of an ARM list (`value`), following `nextLink` on the same endpoint only (the token goes nowhere else). */
  async list(client: Client, path: string, apiVersion: string, what: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let url: string | undefined = `${this.endpoint}${path}?api-version=${apiVersion}`;
    for (let page = 0; url && page < 50; page++) {
      const body = (await this.request(client, 'GET', url, undefined, what, [])) as { value?: Record<string, unknown>[]; nextLink?: string } | undefined;
      items.push(...(body?.value ?? []));
      url = body?.nextLink ?? undefined;
      if (url && new URL(url).origin !== new URL(this.endpoint).origin) throw new Error(`${what}: nextLink leaves ${this.endpoint} (${url})`);
    }
    return items;
  }

  private async request(client: Client, method: string, url: string, body: unknown, what: string, alsoOk: number[]): Promise<unknown> {
    const request = createPipelineRequest({
      url,
      method: method as 'GET',
      headers: createHttpHeaders({ 'content-type': 'application/json', accept: 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let response;
    try {
      response = await client.sendRequest(request);
    } catch (err) {
      const e = err as SdkError;
      throw classify(e.statusCode, what, e.message ?? String(err));
    }
    if ((response.status >= 200 && response.status < 300) || alsoOk.includes(response.status)) return parseJson(response.bodyAsText);
    throw classify(response.status, what, errorText(response.bodyAsText));
  }
}

function errorText(body: string | null | undefined): string {
  if (!body) return 'no details';
  const e = (parseJson(body) as { error?: { code?: string; message?: string } } | undefined)?.error;
  return e ? `${e.code ?? ''} ${e.message ?? ''}`.trim() : body.slice(0, 300);
}
