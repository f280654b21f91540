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

export interface Database extends TriageTables {
  conversations: ConversationsTable;
  findings: FindingsTable;
  digest_schedules: DigestSchedulesTable;
  digest_runs: DigestRunsTable;
}
