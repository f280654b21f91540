import { z } from 'zod';

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
    for (const [i, id] of c.AZURE_SUBSCRIPTION_IDS.entries()) {
      if (!GUID.test(id)) ctx.addIssue({ code: 'custom', path: ['AZURE_SUBSCRIPTION_IDS'], message: `entry ${i + 1} ("${id}") is not a subscription GUID` });
    }
    if (c.LOG_ANALYTICS_WORKSPACE_ID && !GUID.test(c.LOG_ANALYTICS_WORKSPACE_ID)) {
      ctx.addIssue({ code: 'custom', path: ['LOG_ANALYTICS_WORKSPACE_ID'], message: 'must be the workspace GUID (Log Analytics workspace → Overview → Workspace ID)' });
    }
  });

export type RawConfig = z.infer<typeof configSchema>;
