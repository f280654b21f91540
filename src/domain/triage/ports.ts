/** Ports the triage flow needs; adapters live in src/config (users), src/data/defender-actions and src/teams. */

/** A person the bot can name and assign: Entra object id ↔ UPN (the resource owner tags carry UPNs). */
export interface DirectoryUser {
  aadObjectId: string;
  upn: string;
  name: string;
}

/** Maps Teams users (aadObjectId) to UPNs and back; also the people a finding can be reassigned to. */
export interface UserDirectory {
  byObjectId(aadObjectId: string): Promise<DirectoryUser | undefined>;
  byUpn(upn: string): Promise<DirectoryUser | undefined>;
  list(): Promise<DirectoryUser[]>;
}

/** One write to Defender / Azure Policy, with the Azure ids filled in. Stored as a durable job's payload. */
export type DefenderWrite =
  | {
      type: 'governance_assignment';
      /** Full ARM id of the assessment: {resourceId}/providers/Microsoft.Security/assessments/{name}. */
      assessmentId: string;
      assignmentKey: string;
      owner: string;
      remediationDueDate: string;
      isGracePeriod: boolean;
    }
  | {
      type: 'exemption';
      /** The exempted resource's ARM id (the exemption's scope). */
      scope: string;
      name: string;
      policyAssignmentId: string;
      policyDefinitionReferenceIds: string[];
      category: 'Waiver' | 'Mitigated';
      expiresOn: string;
      displayName: string;
      description: string;
      metadata: Record<string, unknown>;
    }
  | { type: 'exemption_delete'; scope: string; name: string }
  | { type: 'alert_state'; alertId: string; state: 'Resolve' | 'Dismiss' | 'Activate' };

/** Applies writes to Defender for Cloud (Azure) or to the simulated tenant (embedded). */
export interface DefenderActions {
  readonly kind: string;
  apply(write: DefenderWrite): Promise<void>;
}

/** A write Azure refused for good (4xx other than 408/409/429): retrying cannot help. */
export class PermanentWriteError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentWriteError';
  }
}
