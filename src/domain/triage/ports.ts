/** Ports the triage flow needs; adapters live in src/config (users), src/data/defender-actions, src/data/anchors and src/teams. */
import type { RegisterAnchor, StoredAnchor } from './register-check';

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
  /** The people a reassign form offers before anyone types (the policy file's users). */
  list(): Promise<DirectoryUser[]>;
  /** People whose name or UPN starts with `text` (the reassign picker's typeahead), at most `top`. */
  search(text: string, top: number): Promise<DirectoryUser[]>;
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
  | {
      /** Defender for Cloud's own exemption (AWS, GCP, custom standards): a standard assignment with effect Exempt. */
      type: 'standard_exemption';
      /** The exempted resource's ARM id (for AWS/GCP: its security-connector entity). */
      scope: string;
      /** A GUID: standard assignment names must be GUIDs. */
      name: string;
      /** /providers/Microsoft.Security/securityStandards/{id} */
      standardId: string;
      assessmentKey: string;
      category: 'Waiver' | 'Mitigated';
      expiresOn: string;
      displayName: string;
      description: string;
    }
  | { type: 'standard_exemption_delete'; scope: string; name: string }
  | {
      type: 'alert_state';
      /** The alert's Resource Graph / ARM id: {scope}/providers/Microsoft.Security/locations/{location}/alerts/{name}. */
      alertId: string;
      state: 'Resolve' | 'Dismiss' | 'Activate';
    };

/** What a recommendation's exemption is written against; resolved from Azure, never taken from card data. */
export type ExemptionTarget =
  /** An Azure Policy assignment (subscription or management group) whose initiative evaluates the recommendation. */
  | { kind: 'policy'; policyAssignmentId: string; policyDefinitionReferenceIds: string[] }
  /** A Defender for Cloud security standard that lists the recommendation (AWS, GCP, custom standards). */
  | { kind: 'standard'; standardId: string };

/** A lookup's answer, or why there is none (said on the card and recorded in the register). */
export type Resolved<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The facts of a recommendation that decide where its exemption goes. */
export interface RecommendationRef {
  assessmentId: string;
  /** The assessment (metadata) name, e.g. a GUID. */
  assessmentKey: string;
  resourceId: string;
  subscriptionId: string;
  /** resourceDetails.Source: Azure, Aws, Gcp, … */
  cloud: string;
  /** The assessment metadata's policyDefinitionId, when the feed carried it. */
  policyDefinitionId?: string;
}

/** Finds the exemption targets of a recommendation (Azure: Resource Graph and Microsoft.Security; embedded: the simulated tenant). */
export interface WriteTargets {
  exemptionTargets(r: RecommendationRef): Promise<Resolved<ExemptionTarget[]>>;
}

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

/**
 * Where copies of the register's head are kept outside the database (an append-only file, or an Azure Blob
 * container with a time-based retention policy). Anchors are only ever added, never changed or removed.
 */
export interface AnchorStore {
  /** Where the anchors are, for messages ("append-only file …", "Azure Blob container …"). */
  readonly location: string;
  /** Adds one anchor; `created` is false when this very anchor was already there (nothing is overwritten). */
  append(anchor: RegisterAnchor): Promise<{ id: string; created: boolean }>;
  /** Every anchor, and a line per entry that is not a readable anchor (a sign the store was tampered with). */
  list(): Promise<{ anchors: StoredAnchor[]; unreadable: string[] }>;
  /** Warnings about the store's protection (e.g. a container without an immutability policy); empty when sound. */
  warnings(): Promise<string[]>;
}
