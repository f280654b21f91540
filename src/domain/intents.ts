import { z } from 'zod';

/** The prebuilt questions the bot can answer: one catalog query per id (src/queries/<id>.kql). */
export const CATALOG_INTENTS = [
  'attack_paths',
  'alerts',
  'recommendations',
  'secure_score',
  'inventory',
  'alert_trend',
  'top_callers',
  'usage_anomalies',
  'large_responses',
  'risky_signin_correlation',
  'my_queue',
  'overdue',
  'risk_register',
  'resource_summary',
  'compliance',
  'exec_summary',
] as const;
export type CatalogIntent = (typeof CATALOG_INTENTS)[number];

/** Intents that never run a query. */
export const CONVERSATION_INTENTS = ['help', 'none'] as const;
export type Intent = CatalogIntent | (typeof CONVERSATION_INTENTS)[number];
export const ALL_INTENTS: readonly Intent[] = [...CATALOG_INTENTS, ...CONVERSATION_INTENTS];

export const ZONES = [1, 2, 3] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const RESOURCE_TYPES = ['openai', 'ai_services', 'ml_workspace', 'ai_search', 'ai_foundry'] as const;

/** User-facing alert families, each mapped to the real Defender for AI alert types. */
export const ALERT_TYPE_FAMILIES = {
  jailbreak: [
    'AI.Azure_Jailbreak.ContentFiltering.BlockedAttempt',
    'AI.Azure_Jailbreak.ContentFiltering.DetectedAttempt',
    'AI.Azure_ASCIISmuggling',
  ],
  credential_theft: ['AI.Azure_CredentialTheftAttempt'],
  sensitive_data: ['AI.Azure_SensitiveDataAnomaly'],
  suspicious_ip: ['AI.Azure_AccessFromSuspiciousIP', 'AI.Azure_AccessFromAnonymizedIP', 'AI.Azure_AccessFromSuspiciousUserAgent'],
  wallet_attack: ['AI.Azure_DOWDuplicateRequests', 'AI.Azure_DOWVolumeAnomaly'],
  phishing: ['AI.Azure_MaliciousUrl.ModelResponse', 'AI.Azure_MaliciousUrl.UnknownSource', 'AI.Azure_MaliciousUrl.UserPrompt'],
  access_anomaly: ['AI.Azure_AccessAnomaly', 'AI.Azure_AnomalousOperation.InitialAccess', 'AI.Azure_AnomalousToolInvocation'],
} as const;
export type AlertTypeFamily = keyof typeof ALERT_TYPE_FAMILIES;
export const ALERT_TYPES = Object.keys(ALERT_TYPE_FAMILIES) as AlertTypeFamily[];

/** ISO-8601 duration limited to days/hours/minutes/weeks, e.g. P7D, PT24H, P2W. */
export const ISO_DURATION = /^P(?:\d+W|(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?)?)$/;

/** Typed slots: every value that reaches a query has passed this schema. */
export const slotsSchema = z
  .object({
    zone: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    severity: z.enum(SEVERITIES),
    timeRange: z.string().regex(ISO_DURATION, 'an ISO-8601 duration such as P7D').refine((v) => v !== 'P' && v !== 'PT'),
    resourceType: z.enum(RESOURCE_TYPES),
    alertType: z.enum(ALERT_TYPES as [AlertTypeFamily, ...AlertTypeFamily[]]),
    resource: z.string().min(1).max(200),
    user: z.string().min(1).max(200),
  })
  .partial()
  .strict();
export type Slots = z.infer<typeof slotsSchema>;
