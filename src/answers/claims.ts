/**
 * "What's assigned to me" = Defender's governance assignments (the catalog query) + what the asker owns through a
 * Teams claim that Defender has no governance record of (attack paths and alerts always; a recommendation until
 * its write-back lands). Each row says where it is tracked; the KQL shown stays the query that ran.
 */
import { capitalize } from '../cards/format';
import type { ClaimedFinding } from '../domain/claims';
import type { FindingKind } from '../domain/finding';
import type { ResultColumn } from '../domain/ports';
import type { CatalogAnswer } from '../queries';

/** Columns the merge adds after the catalog query's own (the my_queue card and the CLI bind them). */
export const MY_QUEUE_EXTRA_COLUMNS: readonly ResultColumn[] = [
  { name: 'Kind', type: 'string' },
  { name: 'TrackedBy', type: 'string' },
];

export const TRACKED_BY_DEFENDER = 'Defender governance';
export const TRACKED_BY_TEAMS = 'Teams claim (not in Defender governance)';
/** Said on the card whenever Teams claims were looked up. */
export const CLAIMS_SOURCE_NOTE = "Teams claims come from the bot's decision store; Defender governance assignments from the query below.";

const KIND_TEXT: Record<FindingKind, string> = { recommendation: 'Recommendation', attack_path: 'Attack path', alert: 'Alert' };

/**
 * The merged my_queue result: the query's rows (labelled Defender governance) plus the claims not already among
 * them (a recommendation is the same finding when its assessment id matches), sorted by due date (none last).
 */
export function mergeClaims(answer: CatalogAnswer, claims: readonly ClaimedFinding[], now: Date): CatalogAnswer {
  const { columns, rows } = answer.result;
  const at = (name: string) => columns.findIndex((c) => c.name === name);
  const idCol = at('AssessmentId');
  const dueCol = at('DueDate');
  const inDefender = new Set(rows.map((r) => String(r[idCol] ?? '').toLowerCase()));
  const merged: unknown[][] = rows.map((r) => [...r, 'Recommendation', TRACKED_BY_DEFENDER]);
  for (const c of claims) {
    if (c.assessmentId && inDefender.has(c.assessmentId.toLowerCase())) continue;
    const due = c.dueDate ? new Date(c.dueDate) : null;
    const values: Record<string, unknown> = {
      AssessmentId: c.assessmentId ?? c.key,
      Recommendation: c.title,
      Severity: capitalize(c.severity),
      ResourceName: c.resourceName,
      ResourceId: c.resourceId.toLowerCase(),
      Zone: c.zone,
      ZoneKnown: c.zoneKnown,
      DueDate: due,
      Overdue: due ? due.getTime() < now.getTime() : false,
      IsGracePeriod: c.isGracePeriod,
      Ticket: null,
    };
    merged.push([...columns.map((col) => values[col.name] ?? null), KIND_TEXT[c.kind], TRACKED_BY_TEAMS]);
  }
  const time = (v: unknown) => (v instanceof Date ? v.getTime() : Number.POSITIVE_INFINITY);
  merged.sort((a, b) => time(a[dueCol]) - time(b[dueCol]) || String(a[idCol]).localeCompare(String(b[idCol])));
  return { ...answer, result: { ...answer.result, columns: [...columns, ...MY_QUEUE_EXTRA_COLUMNS], rows: merged } };
}
