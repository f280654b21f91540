import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Bot Framework's token issuer: it publishes OpenID metadata and a signing key (endorsed
 * for the msteams channel) and signs RS256 tokens, so JWT validation runs for real without the internet.
 */
export class JwtIssuer {
  private server?: Server;
  private readonly kid = 'test-key-1';
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });

  get metadataUrl(): string {
    return `${this.baseUrl}/.well-known/openidconfiguration`;
  }

  private get baseUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openidconfiguration') {
        res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${this.baseUrl}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else if (req.url === '/keys') {
        const jwk = this.keys.publicKey.export({ format: 'jwk' });
        res.end(JSON.stringify({ keys: [{ ...jwk, kid: this.kid, use: 'sig', alg: 'RS256', endorsements: ['msteams'] }] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** A token as the Bot Framework channel would send it; `key` lets a test sign with a key nobody published. */
  sign(claims: Record<string, unknown>, key: KeyObject = this.keys.privateKey): string {
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid };
    const now = Math.floor(Date.now() / 1000);
    const payload = { iss: 'https://api.botframework.com', nbf: now - 60, exp: now + 3600, ...claims };
    const encoded = [header, payload].map((p) => Buffer.from(JSON.stringify(p)).toString('base64url')).join('.');
    const signature = createSign('RSA-SHA256').update(encoded).sign(key).toString('base64url');
    return `${encoded}.${signature}`;
  }
}

export function otherPrivateKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}
