import { z } from 'zod';
import { parseSchedule, ScheduleError } from '../domain/digest/schedule';
import { parseSubscriptionCommand } from '../notify/subscription-command';

// 0 asks the OS for any free port (tests).
const PORT = z.coerce.number().int().min(0).max(65535);
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const commaList = z
  .string()
  .trim()
  .transform((v) => (v === '' ? [] : v.split(',').map((s) => s.trim()).filter(Boolean)))
  .default('');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WORKSPACE_RESOURCE_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.OperationalInsights\/workspaces\/[^/]+$/i;

/**
 * Every environment variable the bot reads, with its default. The README's configuration table is the
 * user-facing copy of this list; test/config checks that the two agree.
 */
export const configSchema = z
  .object({
    MODE: z.enum(['embedded', 'azure']).default('embedded'),
    PORT: PORT.default(3978),
    BIND_HOST: optionalText,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BOT_ID: optionalText,
    BOT_PASSWORD: optionalText,
    BOT_TENANT_ID: optionalText,
    BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMsi']).default('MultiTenant'),
    BOT_OPENID_METADATA_URL: z.string().trim().url('must be a URL').optional(),
    STORE: z.enum(['sqlite', 'postgres']).default('sqlite'),
    SQLITE_PATH: z.string().trim().min(1).default('.data/ai-posture-bot.sqlite'),
    DATABASE_URL: optionalText,
    SIM_SEED: z.coerce.number().int().min(0).default(42),
    SIM_TRICKLE_SECONDS: z.coerce.number().min(0).default(0),
    ZONE_TAG: z.string().trim().min(1).default('governance-zone'),
    POLICY_FILE: optionalText,
    AZURE_SUBSCRIPTION_IDS: commaList,
    LOG_ANALYTICS_WORKSPACE_ID: optionalText,
    AZURE_CLIENT_ID: optionalText,
    NOTIFY_POLL_SECONDS: z.coerce.number().positive().optional(),
    NOTIFY_OVERLAP_MINUTES: z.coerce.number().min(0).default(120),
    NOTIFY_GROUP_WINDOW_MINUTES: z.coerce.number().positive().default(30),
    NOTIFY_STORM_THRESHOLD: z.coerce.number().int().min(0).default(20),
    NOTIFY_STORM_WINDOW_MINUTES: z.coerce.number().positive().default(10),
    NOTIFY_OWNER_DMS: z.enum(['true', 'false']).default('true'),
    NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
    NOTIFY_DEFAULT_SUBSCRIPTION: z.string().trim().default('subscribe alerts'),
    NOTIFY_TEST_CRASH_AT: z.enum(['before-send', 'after-send']).optional(),
    DIGEST_SCHEDULE: z.string().trim().default('mon 09:00 America/New_York'),
    DIGEST_ZONE3_SCHEDULE: z.string().trim().default('daily 08:00 America/New_York'),
    DIGEST_CONVERSATIONS: commaList,
    EXPORT_BASE_URL: z.union([z.literal('').transform(() => undefined), z.string().trim().url('must be a URL (https://…)')]).optional(),
    AZURE_TENANT_ID: optionalText,
    LOG_ANALYTICS_WORKSPACE_RESOURCE_ID: optionalText,
    AZURE_LOGS_ENDPOINT: optionalText,
    AZURE_RESOURCE_MANAGER_ENDPOINT: optionalText,
    AZURE_OPENAI_ENDPOINT: optionalText,
    AZURE_OPENAI_DEPLOYMENT: optionalText,
    AZURE_OPENAI_API_KEY: optionalText,
    WRITEBACK: z.enum(['on', 'off']).optional(),
    DATABASE_AUTH: z.enum(['password', 'entra']).default('password'),
    DATABASE_TOKEN_SCOPE: z.string().trim().url('must be a URL (https://…/.default)').default('https://ossrdbms-aad.database.windows.net/.default'),
    MICROSOFT_GRAPH_ENDPOINT: optionalText,
    REGISTER_ANCHOR_FILE: optionalText,
    REGISTER_ANCHOR_BLOB_URL: optionalText,
    REGISTER_ANCHOR_MINUTES: z.coerce.number().min(0).default(60),
  })
  .superRefine((c, ctx) => {
    if (c.BOT_PASSWORD && !c.BOT_ID) {
      ctx.addIssue({ code: 'custom', path: ['BOT_ID'], message: 'is required when BOT_PASSWORD is set' });
    }
    if (c.BOT_TYPE === 'SingleTenant' && c.BOT_ID && !c.BOT_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['BOT_TENANT_ID'], message: 'is required when BOT_TYPE is SingleTenant' });
    }
    if (c.STORE === 'postgres' && !c.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required when STORE=postgres (postgres://user:pass@host:5432/db)' });
    }
    if (c.MODE === 'azure') {
      if (c.AZURE_SUBSCRIPTION_IDS.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['AZURE_SUBSCRIPTION_IDS'], message: 'is required when MODE=azure (comma-separated subscription ids)' });
      }
      if (!c.LOG_ANALYTICS_WORKSPACE_ID) {
        ctx.addIssue({ code: 'custom', path: ['LOG_ANALYTICS_WORKSPACE_ID'], message: 'is required when MODE=azure' });
      }
      if (!c.BOT_ID) {
        ctx.addIssue({ code: 'custom', path: ['BOT_ID'], message: 'is required when MODE=azure (Bot Framework JWT validation must be on)' });
      }
    }
    for (const key of ['DIGEST_SCHEDULE', 'DIGEST_ZONE3_SCHEDULE'] as const) {
      try {
        parseSchedule(c[key]);
      } catch (err) {
        if (!(err instanceof ScheduleError)) throw err;
        ctx.addIssue({ code: 'custom', path: [key], message: `is not a schedule: ${err.message}` });
      }
    }
    if (c.NOTIFY_DEFAULT_SUBSCRIPTION) {
      const parsed = parseSubscriptionCommand(c.NOTIFY_DEFAULT_SUBSCRIPTION);
      if (!parsed.ok || parsed.command.action !== 'subscribe') {
        const why = parsed.ok ? 'it is not a subscribe command' : parsed.error;
        ctx.addIssue({ code: 'custom', path: ['NOTIFY_DEFAULT_SUBSCRIPTION'], message: `must be a "subscribe …" command or empty: ${why}` });
      }
    }
    for (const [i, id] of c.AZURE_SUBSCRIPTION_IDS.entries()) {
      if (!GUID.test(id)) ctx.addIssue({ code: 'custom', path: ['AZURE_SUBSCRIPTION_IDS'], message: `entry ${i + 1} ("${id}") is not a subscription GUID` });
    }
    if (c.AZURE_LOGS_ENDPOINT && !/^https:\/\/[^\s/]+(\/[^\s?#]*)?\/v1$/i.test(c.AZURE_LOGS_ENDPOINT)) {
      ctx.addIssue({ code: 'custom', path: ['AZURE_LOGS_ENDPOINT'], message: 'must be an https:// URL ending with /v1 (e.g. https://api.loganalytics.us/v1)' });
    }
    if (c.AZURE_RESOURCE_MANAGER_ENDPOINT && !/^https:\/\/[^\s/?#]+\/?$/i.test(c.AZURE_RESOURCE_MANAGER_ENDPOINT)) {
      ctx.addIssue({ code: 'custom', path: ['AZURE_RESOURCE_MANAGER_ENDPOINT'], message: 'must be an https:// origin without a path (e.g. https://management.usgovcloudapi.net)' });
    }
    if (c.LOG_ANALYTICS_WORKSPACE_RESOURCE_ID && !WORKSPACE_RESOURCE_ID.test(c.LOG_ANALYTICS_WORKSPACE_RESOURCE_ID)) {
      ctx.addIssue({ code: 'custom', path: ['LOG_ANALYTICS_WORKSPACE_RESOURCE_ID'], message: 'must be /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name> (workspace → Properties → Resource ID)' });
    }
    // The LLM path is all or nothing: a half-configured Azure OpenAI would silently fall back to NLP.js.
    const openai = ['AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_DEPLOYMENT', 'AZURE_OPENAI_API_KEY'] as const;
    if (openai.some((k) => c[k])) {
      for (const k of openai) if (!c[k]) ctx.addIssue({ code: 'custom', path: [k], message: `is required when any AZURE_OPENAI_* variable is set (${openai.join(', ')})` });
    }
    if (c.AZURE_OPENAI_ENDPOINT && !/^https:\/\/[^\s/]+/i.test(c.AZURE_OPENAI_ENDPOINT)) {
      ctx.addIssue({ code: 'custom', path: ['AZURE_OPENAI_ENDPOINT'], message: 'must be the https:// endpoint of the Azure OpenAI resource (Keys and Endpoint)' });
    }
    if (c.DATABASE_AUTH === 'entra') checkEntraDatabase(c, ctx);
    if (c.MICROSOFT_GRAPH_ENDPOINT && !/^https:\/\/[^\s/?#]+\/?$/i.test(c.MICROSOFT_GRAPH_ENDPOINT)) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_GRAPH_ENDPOINT'], message: 'must be an https:// origin without a path (e.g. https://graph.microsoft.us)' });
    }
    if (c.REGISTER_ANCHOR_BLOB_URL && !/^https:\/\/[^\s/?#]+\/[^\s?#]+$/i.test(c.REGISTER_ANCHOR_BLOB_URL)) {
      ctx.addIssue({ code: 'custom', path: ['REGISTER_ANCHOR_BLOB_URL'], message: 'must be the https:// URL of a Blob container without a SAS token (https://<account>.blob.core.windows.net/<container>); the bot signs in with its Azure identity' });
    }
    if (c.LOG_ANALYTICS_WORKSPACE_ID && !GUID.test(c.LOG_ANALYTICS_WORKSPACE_ID)) {
      ctx.addIssue({ code: 'custom', path: ['LOG_ANALYTICS_WORKSPACE_ID'], message: 'must be the workspace GUID (Log Analytics workspace → Overview → Workspace ID)' });
    }
  });

export type RawConfig = z.infer<typeof configSchema>;

/**
 * DATABASE_AUTH=entra: the bot signs in as its managed identity with an access token, so the URL names the
 * database role (the identity's name) and must carry no password.
 */
function checkEntraDatabase(c: { STORE: string; DATABASE_URL?: string }, ctx: z.RefinementCtx): void {
  if (c.STORE !== 'postgres') {
    ctx.addIssue({ code: 'custom', path: ['DATABASE_AUTH'], message: 'can only be entra with STORE=postgres' });
    return;
  }
  if (!c.DATABASE_URL) return; // reported above
  let url: URL;
  try {
    url = new URL(c.DATABASE_URL);
  } catch {
    ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is not a URL (postgres://<identity-name>@host:5432/db)' });
    return;
  }
  if (!url.username) ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'must name the database role of the bot identity when DATABASE_AUTH=entra (postgres://<identity-name>@host:5432/db)' });
  if (url.password) ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'must not contain a password when DATABASE_AUTH=entra: the bot signs in with an Entra access token' });
}
