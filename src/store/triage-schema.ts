/** Kysely table types of the triage feature (migration 004). */
export interface TriageStatesTable {
  tenant_id: string;
  finding_key: string;
  status: string;
  state_json: string;
  updated_at: string;
}

export interface DecisionRegisterTable {
  seq: number;
  tenant_id: string;
  finding_key: string;
  zone: number;
  verb: string;
  actor_id: string;
  actor_name: string;
  role: string;
  justification: string | null;
  before_json: string;
  after_json: string;
  at: string;
  prev_hash: string;
  hash: string;
}

export interface DecisionRegisterHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface WritebackJobsTable {
  id: string;
  tenant_id: string;
  finding_key: string;
  register_seq: number;
  payload_json: string;
  /** teams_only / refused: never sent (WRITEBACK=off, or no target in Azure); see WritebackQueue.recordNotSent. */
  status: 'pending' | 'done' | 'failed' | 'teams_only' | 'refused';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProcessedActivitiesTable {
  tenant_id: string;
  activity_id: string;
  finding_key: string;
  outcome_json: string;
  processed_at: string;
}

export interface TriageTables {
  triage_states: TriageStatesTable;
  decision_register: DecisionRegisterTable;
  decision_register_head: DecisionRegisterHeadTable;
  writeback_jobs: WritebackJobsTable;
  processed_activities: ProcessedActivitiesTable;
}
