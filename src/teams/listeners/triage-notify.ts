import type { Policy } from '../../config/policy';
import type { Finding } from '../../domain/finding';
import type { FindingCards } from '../../domain/ports';
import type { UserDirectory } from '../../domain/triage/ports';
import type { PersonRef } from '../../domain/triage/types';
import { log } from '../../log';
import type { ConversationStore, SavedConversation } from '../../store/conversations';
import type { TriageNotifier } from '../../triage/notifier';
import type { TriageService } from '../../triage/service';
import type { ProactivePoster } from '../proactive';
import { answerCard } from './triage-cards';

/**
 * Triage messages over Teams: approval requests go to the conversation the policy names for the approvers
 * (triage.approvalConversations), as a line of text and the finding's tracked card with Approve/Reject; outcomes and
 * reminders go to the person's personal chat with the bot (found by the Entra id saved at install).
 */
export class TeamsTriageNotifier implements TriageNotifier {
  constructor(
    private readonly deps: {
      poster: () => ProactivePoster;
      conversations: ConversationStore;
      policy: Policy;
      users: UserDirectory;
      triage: () => TriageService;
      cards: () => FindingCards;
    },
  ) {}

  async requestApproval(finding: Finding, approver: 'security_lead' | 'committee'): Promise<void> {
    const id = this.deps.policy.triage.approvalConversations[approver];
    const conv = id ? await this.deps.conversations.get(id) : undefined;
    if (!conv) {
      log().warn({ approver, conversationId: id }, 'no approvers conversation: set triage.approvalConversations in the policy file and install the bot there');
      return;
    }
    const who = approver === 'committee' ? 'Model Risk Committee' : 'Security lead';
    await this.deps.poster().postText(conv, `${who} approval needed: a risk acceptance is waiting for your decision on "${finding.title}".`);
    // The request goes out as the finding's own card, so every later decision updates it in place.
    await this.deps.cards().deliver({ tenantId: conv.tenantId, conversationId: conv.conversationId }, finding);
  }

  async tell(to: PersonRef, text: string, finding: Finding): Promise<void> {
    const aadObjectId = to.aadObjectId ?? (to.upn ? (await this.deps.users.byUpn(to.upn))?.aadObjectId : undefined);
    const conv = aadObjectId ? (await this.deps.conversations.list()).find((c) => c.conversationType === 'personal' && personalUser(c) === aadObjectId.toLowerCase()) : undefined;
    if (!conv) {
      log().info({ to: to.upn ?? to.aadObjectId }, 'no personal chat with this person: triage message not delivered');
      return;
    }
    const view = await this.deps.triage().viewOf(finding);
    await this.post(conv, finding, view ?? {}, text);
  }

  private async post(conv: SavedConversation, finding: Finding, view: object, text: string): Promise<void> {
    await this.deps.poster().post(conv, answerCard(finding, view, text, 'default'));
  }
}

function personalUser(c: SavedConversation): string | undefined {
  const user = c.reference.user as { aadObjectId?: string } | undefined;
  return user?.aadObjectId?.toLowerCase();
}
