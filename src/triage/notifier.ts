import type { Finding } from '../domain/finding';
import type { PersonRef } from '../domain/triage/types';

/** Messages triage sends beyond the invoke response (implemented over Teams proactive messages). */
export interface TriageNotifier {
  /** Posts the pending request, with Approve/Reject, where the approvers work. */
  requestApproval(finding: Finding, approver: 'security_lead' | 'committee'): Promise<void>;
  /** Tells one person something (the requester the outcome, an owner a reminder). */
  tell(to: PersonRef, text: string, finding: Finding): Promise<void>;
}
