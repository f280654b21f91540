import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import type { ZodIssue } from 'zod';
import { parseSchedule, type DigestSchedule } from '../domain/digest/schedule';
import { configSchema, type RawConfig } from './schema';

export interface Config {
  mode: 'embedded' | 'azure';
  server: { port: number; host: string };
  logLevel: RawConfig['LOG_LEVEL'];
  /** Present only when a Bot Framework app id is configured; then incoming JWTs are validated. */
  bot?: { appId: string; password?: string; tenantId?: string; type: RawConfig['BOT_TYPE']; openIdMetadataUrl?: string };
  /** PostgreSQL with `entra`: the password is an Entra access token for `entra.scope`, fetched with the bot's identity. */
  store: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; entra?: { scope: string } };
  /**
   * Decisions are written back to Defender only when on (WRITEBACK); off, they stay in the decision register and
   * cards say "recorded in Teams only". Default: on in embedded mode (the simulated tenant), off in Azure mode.
   */
  writeback: boolean;
  /** Microsoft Graph (Azure mode): policy roles naming Entra groups and the reassign people search. */
  graph: { endpoint: string };
  simulation: { seed: number; trickleSeconds: number };
  zoneTag: string;
  /** Path of the governance policy file (roles, zone SLA overrides); see docs/policy.md. */
  policyFile: string;
  /** Notification pipeline (docs/notifications.md). */
  notify: {
    pollSeconds: number;
    overlapMinutes: number;
    groupWindowMinutes: number;
    stormThreshold: number;
    stormWindowMinutes: number;
    ownerDms: boolean;
    maxAttempts: number;
    defaultSubscription: string;
    /** Test-only crash point of the outbox sender (never set in production). */
    testCrashAt?: 'before-send' | 'after-send';
  };
  azure: {
    subscriptionIds: string[];
    workspaceId?: string;
    clientId?: string;
    tenantId?: string;
    workspaceResourceId?: string;
    /** Sovereign clouds (and tests): replaces https://api.loganalytics.io/v1; ends with /v1. */
    logsEndpoint?: string;
    /** Sovereign clouds (and tests): replaces https://management.azure.com for Resource Graph, Microsoft.Security and Policy. */
    resourceManagerEndpoint?: string;
  };
  /** Present when Azure OpenAI is configured: questions go to the LLM planner first (NLP.js otherwise). */
  llm?: { endpoint: string; deployment: string; apiKey: string };
  /** Default digest schedules and the conversations that get the weekly digest from configuration (docs/digest.md). */
  digest: { weekly: DigestSchedule; zone3Daily: DigestSchedule; conversationIds: string[] };
  /** Download endpoint of the evidence exports; when set, the digest links to them. */
  exportBaseUrl?: string;
  /** Where and how often the register's head is anchored outside the database (docs/register-anchors.md). */
  anchors: { file: string; blobUrl?: string; intervalMinutes: number };
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}\nFix these in env/.env.<APP_ENV> (or env/.env.<APP_ENV>.user for secrets) or the environment; see the README's configuration table.`);
    this.name = 'ConfigError';
  }
}

/**
 * Variables from `env/.env.<APP_ENV>` then `env/.env.<APP_ENV>.user` (Teams Toolkit convention; secrets
 * belong only in the gitignored .user file). Real environment variables win over both files.
 */
export function readEnvFiles(rootDir: string, appEnv: string): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const file of [`.env.${appEnv}`, `.env.${appEnv}.user`]) {
    const path = join(rootDir, 'env', file);
    if (existsSync(path)) Object.assign(merged, parseEnv(readFileSync(path, 'utf8')));
  }
  return merged;
}

function describe(issue: ZodIssue, input: Record<string, string | undefined>): string {
  const name = String(issue.path[0] ?? 'configuration');
  const got = input[name] === undefined ? '' : ` (got "${input[name]}")`;
  if (issue.code === 'invalid_enum_value') return `${name} must be one of ${issue.options.join(', ')}${got}`;
  if (issue.code === 'custom') return `${name} ${issue.message}`;
  return `${name}: ${issue.message}${got}`;
}

/** Validates the variables once, at start-up; every other module receives the typed Config. */
export function parseConfig(vars: Record<string, string | undefined>, rootDir = process.cwd()): Config {
  const result = configSchema.safeParse(vars);
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => describe(i, vars)));
  const c = result.data;
  const bot = c.BOT_ID
    ? { appId: c.BOT_ID, password: c.BOT_PASSWORD, tenantId: c.BOT_TENANT_ID, type: c.BOT_TYPE, openIdMetadataUrl: c.BOT_OPENID_METADATA_URL }
    : undefined;
  if (!bot && c.BIND_HOST && !isLoopback(c.BIND_HOST)) {
    throw new ConfigError([`BIND_HOST must be a loopback address while BOT_ID is empty (anonymous Bot Framework auth is only safe locally); got "${c.BIND_HOST}"`]);
  }
  return {
    mode: c.MODE,
    server: { port: c.PORT, host: c.BIND_HOST ?? (bot ? '0.0.0.0' : '127.0.0.1') },
    logLevel: c.LOG_LEVEL,
    bot,
    store:
      c.STORE === 'postgres'
        ? { kind: 'postgres', url: c.DATABASE_URL!, ...(c.DATABASE_AUTH === 'entra' ? { entra: { scope: c.DATABASE_TOKEN_SCOPE } } : {}) }
        : { kind: 'sqlite', path: c.SQLITE_PATH },
    // Azure: nothing is written to a real tenant until someone turns it on (after `doctor` checked the roles).
    writeback: (c.WRITEBACK ?? (c.MODE === 'embedded' ? 'on' : 'off')) === 'on',
    graph: { endpoint: (c.MICROSOFT_GRAPH_ENDPOINT ?? 'https://graph.microsoft.com').replace(/\/+$/, '') },
    simulation: { seed: c.SIM_SEED, trickleSeconds: c.SIM_TRICKLE_SECONDS },
    zoneTag: c.ZONE_TAG,
    policyFile: resolve(rootDir, c.POLICY_FILE ?? join('env', `policy.${vars.APP_ENV ?? 'local'}.json`)),
    notify: {
      // Embedded mode polls the in-memory tenant cheaply and often; Resource Graph gets a gentler default.
      pollSeconds: c.NOTIFY_POLL_SECONDS ?? (c.MODE === 'embedded' ? 5 : 60),
      overlapMinutes: c.NOTIFY_OVERLAP_MINUTES,
      groupWindowMinutes: c.NOTIFY_GROUP_WINDOW_MINUTES,
      stormThreshold: c.NOTIFY_STORM_THRESHOLD,
      stormWindowMinutes: c.NOTIFY_STORM_WINDOW_MINUTES,
      ownerDms: c.NOTIFY_OWNER_DMS === 'true',
      maxAttempts: c.NOTIFY_MAX_ATTEMPTS,
      defaultSubscription: c.NOTIFY_DEFAULT_SUBSCRIPTION,
      testCrashAt: c.NOTIFY_TEST_CRASH_AT,
    },
    azure: {
      subscriptionIds: c.AZURE_SUBSCRIPTION_IDS,
      workspaceId: c.LOG_ANALYTICS_WORKSPACE_ID,
      clientId: c.AZURE_CLIENT_ID,
      tenantId: c.AZURE_TENANT_ID,
      workspaceResourceId: c.LOG_ANALYTICS_WORKSPACE_RESOURCE_ID,
      logsEndpoint: c.AZURE_LOGS_ENDPOINT,
      resourceManagerEndpoint: c.AZURE_RESOURCE_MANAGER_ENDPOINT?.replace(/\/+$/, ''),
    },
    llm:
      c.AZURE_OPENAI_ENDPOINT && c.AZURE_OPENAI_DEPLOYMENT && c.AZURE_OPENAI_API_KEY
        ? { endpoint: c.AZURE_OPENAI_ENDPOINT, deployment: c.AZURE_OPENAI_DEPLOYMENT, apiKey: c.AZURE_OPENAI_API_KEY }
        : undefined,
    digest: { weekly: parseSchedule(c.DIGEST_SCHEDULE), zone3Daily: parseSchedule(c.DIGEST_ZONE3_SCHEDULE), conversationIds: c.DIGEST_CONVERSATIONS },
    ...(c.EXPORT_BASE_URL ? { exportBaseUrl: c.EXPORT_BASE_URL.replace(/\/+$/, '') } : {}),
    anchors: {
      // Beside the SQLite file by default (a separate file, not the database); a separate disk is better.
      file: c.REGISTER_ANCHOR_FILE ?? join(c.STORE === 'sqlite' ? dirname(c.SQLITE_PATH) : '.data', 'register-anchors.jsonl'),
      blobUrl: c.REGISTER_ANCHOR_BLOB_URL?.replace(/\/+$/, ''),
      intervalMinutes: c.REGISTER_ANCHOR_MINUTES,
    },
  };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** Loads the configuration for this process: env files for APP_ENV (default "local"), then the environment. */
export function loadConfig(rootDir: string, env: NodeJS.ProcessEnv = process.env): Config {
  const appEnv = env.APP_ENV ?? 'local';
  return parseConfig({ ...readEnvFiles(rootDir, appEnv), ...env, APP_ENV: appEnv }, rootDir);
}
