import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type RunningBot } from '../../src/bot';
import { parseConfig } from '../../src/config';
import { systemClock } from '../../src/domain/ports';
import { fakeCredential, fastRetries } from '../data/azure/fixtures';
import { FABRIKAM, type AzureServicesStub } from './azure-services-stub';
import type { JwtIssuer } from './jwt-issuer';

const ROOT = join(__dirname, '..', '..');

/**
 * The real bot in MODE=azure against the local stand-ins: JWT validation on (tokens from `issuer`), Log Analytics
 * and Resource Graph (and ARM) on `azure`, SQLite in a temp folder, polling left to the test. Only the credential
 * is a fake; `vars` override or add configuration variables.
 */
export function startAzureBot(azure: AzureServicesStub, issuer: JwtIssuer, appId: string, vars: Record<string, string> = {}): Promise<RunningBot> {
  const config = parseConfig(
    {
      MODE: 'azure',
      PORT: '0',
      BIND_HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'azure-mode-')), 'bot.sqlite'),
      BOT_ID: appId,
      BOT_PASSWORD: 'not-a-real-secret',
      BOT_OPENID_METADATA_URL: issuer.metadataUrl,
      AZURE_SUBSCRIPTION_IDS: FABRIKAM.subscriptionId,
      LOG_ANALYTICS_WORKSPACE_ID: FABRIKAM.workspaceId,
      AZURE_LOGS_ENDPOINT: `${azure.url}/v1`,
      AZURE_RESOURCE_MANAGER_ENDPOINT: azure.url,
      NOTIFY_POLL_SECONDS: '3600',
      NOTIFY_OWNER_DMS: 'false',
      ...vars,
    },
    ROOT,
  );
  return startBot(config, systemClock, { azure: { credential: fakeCredential, clientOptions: { retryOptions: fastRetries, tlsOptions: { ca: azure.ca } }, timeoutMs: 2000 } });
}
