import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenCredential } from '@azure/identity';
import { stubCertificate } from './https-stub';

const AZURITE_BLOB = join(__dirname, '..', '..', 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js');
/** Azurite's well-known emulator account: path-style URLs name it first. */
export const AZURITE_ACCOUNT = 'devstoreaccount1';

/**
 * Azurite's Blob service (npm `azurite`) in a child process: HTTPS with the tests' self-signed certificate and
 * OAuth at its "basic" level, so the bot's clients sign in with bearer tokens as in Azure (Azurite checks the
 * token's issuer, audience and lifetime, not its signature). In memory, free port, no telemetry. Its API-version
 * check is skipped: @azure/storage-blob 12.32 speaks a newer x-ms-version than Azurite 3.35 knows, and Azurite
 * refuses unknown versions by default. Azurite does not implement immutability policies.
 */
export class Azurite {
  private child?: ChildProcess;
  private dir?: string;
  url = '';

  get ca(): string {
    return stubCertificate().cert;
  }

  async start(): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'azurite-'));
    const cert = stubCertificate();
    writeFileSync(join(this.dir, 'cert.pem'), cert.cert);
    writeFileSync(join(this.dir, 'key.pem'), cert.key);
    const args = ['--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--extentMemoryLimit', '64', '--disableTelemetry', '--skipApiVersionCheck'];
    args.push('--oauth', 'basic', '--cert', join(this.dir, 'cert.pem'), '--key', join(this.dir, 'key.pem'));
    const child = spawn(process.execPath, [AZURITE_BLOB, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let output = '';
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Azurite did not start within 15 s:\n${output}`)), 15_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const m = /listens on (https:\/\/\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!.replace(/\/$/, ''));
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Azurite exited (${code}):\n${output}`));
      });
    });
  }

  /** Path-style URL of a container in the emulator account. */
  containerUrl(name: string): string {
    return `${this.url}/${AZURITE_ACCOUNT}/${name}`;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** An unsigned Entra-shaped access token for Azure Storage: what Azurite's basic OAuth level accepts. */
export function storageToken(audience = 'https://storage.azure.com', lifetimeSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const claims = { aud: audience, iss: 'https://sts.windows.net/7f3e5a1c-2b4d-4e6f-8a9b-0c1d2e3f4a5b/', iat: now - 60, nbf: now - 60, exp: now + lifetimeSeconds };
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

/** A credential handing out `storageToken()`s (the bot's managed identity in tests). */
export const storageCredential = (audience?: string): TokenCredential => ({
  getToken: async () => ({ token: storageToken(audience), expiresOnTimestamp: Date.now() + 3_600_000 }),
});

/**
 * The App Service managed-identity endpoint (IDENTITY_ENDPOINT / IDENTITY_HEADER), answering with
 * `storageToken()`s: a child process running the bot's real credential code (ManagedIdentityCredential with
 * AZURE_CLIENT_ID) signs in to Azurite through it. Refuses requests without the identity header, as Azure does.
 */
export async function startManagedIdentityEndpoint(): Promise<{ env: Record<string, string>; close: () => Promise<void> }> {
  const header = 'test-identity-header';
  const server = createServer((req, res) => {
    const resource = new URL(req.url ?? '/', 'http://x').searchParams.get('resource');
    if (req.headers['x-identity-header'] !== header || !resource) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'invalid_request' }));
      return;
    }
    const expires = Math.floor(Date.now() / 1000) + 3600;
    // Not chained: restify, loaded by other tests in the same process, patches writeHead to return nothing.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: storageToken(resource), expires_on: String(expires), resource, token_type: 'Bearer' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    env: { IDENTITY_ENDPOINT: `http://127.0.0.1:${port}/msi/token`, IDENTITY_HEADER: header },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A CA bundle file for NODE_EXTRA_CA_CERTS: the one already set (if any) plus the tests' certificate. */
export function extraCaFile(dir: string): string {
  const path = join(dir, 'extra-ca.pem');
  const existing = process.env.NODE_EXTRA_CA_CERTS && existsSync(process.env.NODE_EXTRA_CA_CERTS) ? readFileSync(process.env.NODE_EXTRA_CA_CERTS, 'utf8') : '';
  writeFileSync(path, `${existing}\n${stubCertificate().cert}`);
  return path;
}
