import type { ResourceRef } from './findings';
import type { Severity } from './zones';

export type FindingKind = 'alert' | 'recommendation' | 'attack_path';

/**
 * Anything the bot notifies about and people triage: a Defender for AI alert, an AI recommendation on one
 * resource, or an attack path ending at an AI resource. `key` is stable across polls and restarts:
 * the alert id; the assessment id + resource id; the attack path id.
 */
export interface Finding {
  key: string;
  kind: FindingKind;
  tenantId: string;
  title: string;
  severity: Severity;
  /** The AI resource the finding is about (for attack paths: the target), with its zone and owner. */
  resource: ResourceRef;
  /** As Defender reports it: alerts Active/Resolved, assessments Unhealthy/Healthy, attack paths present/gone. */
  status: 'active' | 'resolved';
  firstSeen: Date;
  lastSeen: Date;
  /** Kind-specific facts for cards (alert type, tactics, caller IP, description, remediation, path chain…). */
  details: Record<string, unknown>;
  /** Increases on every change, from Defender or from triage; cards carry it to detect stale clicks. */
  version: number;
}

export function findingKey(kind: FindingKind, ...parts: string[]): string {
  return `${kind}:${parts.map((p) => p.toLowerCase()).join('|')}`;
}

/**
 * The triage state a finding card shows (filled by the triage feature; the notification cards render it when
 * present). Dates are shown as given; `version` is the finding version the view was built from.
 */
export interface TriageView {
  owner?: string;
  dueDate?: Date;
  acceptedUntil?: Date;
  pendingApprovals?: string[];
  statusText?: string;
  version?: number;
  /** Card verbs that can apply in the current triage state; the card shows buttons for these only. */
  verbs?: string[];
}
