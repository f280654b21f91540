import type { Finding, FindingKind } from '../domain/finding';
import { alertChangedAt, alertFinding } from './normalize/alert';
import { attackPathFinding } from './normalize/attack-path';
import type { ResourceLookup, Row } from './normalize/common';
import { governanceOf, recommendationChangedAt, recommendationFinding, type Governance } from './normalize/recommendation';

/** Resource Graph `securityresources` types per finding kind. */
export const ROW_TYPES = {
  alert: 'microsoft.security/locations/alerts',
  recommendation: 'microsoft.security/assessments',
  governance: 'microsoft.security/assessments/governanceassignments',
  attack_path: 'microsoft.security/attackpaths',
} as const;

/** Alerts resolved or dismissed within this long are re-read every poll so their cards can follow. */
export const RESOLUTION_LOOKBACK_MS = 7 * 24 * 3_600_000;

export interface FeedBatch {
  findings: Finding[];
  /** The newest change time among the rows read (the next watermark); undefined when nothing was read. */
  newest?: Date;
  /** True when the batch is the complete current set of that kind (attack paths): absent ones are gone. */
  snapshot: boolean;
}

/**
 * Reads findings of one kind changed since a watermark: Resource Graph in Azure, the simulated tenant's
 * tables in embedded mode. Both return the same ARG rows, normalized by the same functions.
 */
export interface FindingFeed {
  read(kind: FindingKind, since: Date | undefined, now: Date): Promise<FeedBatch>;
}

/** Rows of one kind → findings (the one normalizer per kind that both modes share). */
export function toBatch(kind: FindingKind, rows: Row[], governanceRows: Row[], lookup: ResourceLookup, now: Date): FeedBatch {
  let newest: Date | undefined;
  const seen = (d: Date) => {
    if (!newest || d > newest) newest = d;
  };
  if (kind === 'alert') {
    const findings = rows.map((r) => (seen(alertChangedAt(r)), alertFinding(r, lookup)));
    return { findings, newest, snapshot: false };
  }
  if (kind === 'recommendation') {
    const governance = new Map<string, Governance>(governanceRows.map((g) => governanceOf(g)).map((g) => [g.assessmentId, g.governance]));
    const findings = rows.map((r) => (seen(recommendationChangedAt(r)), recommendationFinding(r, lookup, governance.get(String(r.id).toLowerCase()))));
    return { findings, newest, snapshot: false };
  }
  return { findings: rows.map((r) => attackPathFinding(r, lookup, now)), newest: now, snapshot: true };
}
