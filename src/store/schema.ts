import type { Generated } from 'kysely';
import type { TriageTables } from './triage-schema';

/** Kysely table types: the store's tables as the code sees them. */
export interface ConversationsTable {
  tenant_id: string;
  conversation_id: string;
  conversation_type: string;
  /** The Bot Framework ConversationReference as JSON, used to post proactively. */
  reference_json: string;
  installed_at: string;
  updated_at: string;
}

export interface FindingsTable {
  tenant_id: string;
  finding_key: string;
  kind: string;
  title: string;
  severity: string;
  zone: number;
  resource_id: string;
  resource_json: string;
  status: string;
  details_json: string;
  first_seen: string;
  last_seen: string;
  version: number;
  updated_at: string;
}

export interface DigestSchedulesTable {
  tenant_id: string;
  conversation_id: string;
  kind: string;
  schedule: string;
  cron: string;
  time_zone: string;
  enabled: number;
  source: string;
  updated_by: string;
  active_since: string;
  updated_at: string;
}

export interface DigestRunsTable {
  tenant_id: string;
  conversation_id: string;
  kind: string;
  period_key: string;
  status: string;
  activity_id: string | null;
  claimed_at: string;
  sent_at: string | null;
  error: string | null;
}

/** Notification pipeline (migration 003): see src/store/migrations/003-notifications.ts. */
export interface NotifyWatermarksTable {
  kind: string;
  watermark: string;
  updated_at: string;
}

export interface NotifySubscriptionsTable {
  id: Generated<number>;
  tenant_id: string;
  conversation_id: string;
  /** Comma-separated finding kinds. */
  kinds: string;
  /** Comma-separated zones (1,2,3). */
  zones: string;
  min_severity: string;
  created_by: string;
  created_at: string;
}

export interface NotifyConversationsTable {
  tenant_id: string;
  conversation_id: string;
  user_aad_object_id: string | null;
  user_upn: string | null;
  defaults_applied_at: string | null;
  unreachable_at: string | null;
  unreachable_reason: string | null;
}

export interface NotifyCardsTable {
  id: Generated<number>;
  tenant_id: string;
  conversation_id: string;
  card_type: string;
  group_key: string;
  zone: number;
  opened_at: string;
  activity_id: string | null;
  updated_at: string;
}

export interface NotifyCardFindingsTable {
  card_id: number;
  finding_tenant_id: string;
  finding_key: string;
  conversation_id: string;
  added_at: string;
}

export interface NotifyOutboxTable {
  id: Generated<number>;
  tenant_id: string;
  conversation_id: string;
  card_id: number;
  op: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database extends TriageTables {
  conversations: ConversationsTable;
  findings: FindingsTable;
  notify_watermarks: NotifyWatermarksTable;
  notify_subscriptions: NotifySubscriptionsTable;
  notify_conversations: NotifyConversationsTable;
  notify_cards: NotifyCardsTable;
  notify_card_findings: NotifyCardFindingsTable;
  notify_outbox: NotifyOutboxTable;
  digest_schedules: DigestSchedulesTable;
  digest_runs: DigestRunsTable;
}
