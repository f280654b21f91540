import type { FindingKind } from './finding';
import type { Severity, Zone } from './zones';

/**
 * A finding someone owns through a Teams claim or assignment (the bot's decision store), whatever Defender
 * knows of it. "What's assigned to me" adds these to Defender's governance assignments.
 */
export interface ClaimedFinding {
  kind: FindingKind;
  key: string;
  title: string;
  severity: Severity;
  resourceId: string;
  resourceName: string;
  zone: Zone;
  zoneKnown: boolean;
  /** The claim's due date (ISO-8601), when it has one. */
  dueDate?: string;
  isGracePeriod: boolean;
  /** Recommendations: the lower-cased ARM id of the Defender assessment (what a governance assignment names). */
  assessmentId?: string;
}

/** The same zone/severity filters the catalog query takes. */
export interface ClaimFilters {
  zone?: number;
  severity?: string;
}

/** The findings a user owns in the bot's triage state (claimed or assigned, still active in Defender). */
export interface ClaimedFindings {
  /** `user` is a UPN or an Entra object id, matched case-insensitively against the owner the decision recorded. */
  forOwner(tenantId: string, user: string, filters: ClaimFilters): Promise<ClaimedFinding[]>;
}
