import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StubRequest {
  method: string;
  /** Path and query string, e.g. `/v1/workspaces/…/query`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON when the body is JSON, otherwise the text. */
  body: unknown;
  at: number;
}

export interface StubResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON unless it is a string. */
  body?: unknown;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
}

export type StubHandler = (req: StubRequest, index: number) => StubResponse;

let certificate: { key: string; cert: string } | undefined;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made once per process with the openssl CLI (Node cannot
 * issue X.509 certificates without a dependency). The Azure SDKs refuse bearer tokens over plain HTTP.
 */
export function stubCertificate(): { key: string; cert: string } {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'https-stub-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'pipe' });
    certificate = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
    return certificate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A local HTTPS server standing in for an Azure API: it records every request and answers with what the test
 * scripted. Clients trust it through `ca` (pass it as the SDK client's `tlsOptions.ca`), not through a global.
 */
export class HttpsStub {
  readonly requests: StubRequest[] = [];
  private server?: Server;
  private handler: StubHandler = () => ({ status: 500, body: { error: { code: 'NotScripted', message: 'no response scripted' } } });
  private readonly timers = new Set<NodeJS.Timeout>();

  get ca(): string {
    return stubCertificate().cert;
  }

  get url(): string {
    return `https://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.server = createServer(stubCertificate(), async (req, res) => {
      const recorded = await record(req);
      const index = this.requests.push(recorded) - 1;
      const answer = this.handler(recorded, index);
      const send = () => {
        const text = typeof answer.body === 'string' ? answer.body : answer.body === undefined ? '' : JSON.stringify(answer.body);
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
        res.end(text);
      };
      if (!answer.delayMs) return send();
      const timer = setTimeout(() => (this.timers.delete(timer), res.destroyed || send()), answer.delayMs);
      this.timers.add(timer);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    // The SDKs keep connections alive: close them or close() waits for their idle timeout.
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Answers every request with `handler(request, index)`. */
  respond(handler: StubHandler): void {
    this.handler = handler;
  }

  /** Answers requests in order; the last response repeats. */
  sequence(...responses: StubResponse[]): void {
    this.handler = (_req, i) => responses[Math.min(i, responses.length - 1)]!;
  }

  reset(): void {
    this.requests.length = 0;
  }
}

async function record(req: IncomingMessage): Promise<StubRequest> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, at: Date.now() };
}
