import type { AnswerService } from '../answers/service';
import type { Policy } from '../config/policy';
import type { DigestService } from '../digest/service';
import type { Clock } from '../domain/ports';
import type { NotificationPipeline } from '../notify/pipeline';
import type { RoleDirectory } from '../domain/roles';
import type { UserDirectory } from '../domain/triage/ports';
import type { ConversationStore } from '../store/conversations';
import type { TriageService } from '../triage/service';

/** What the Teams listeners need from the rest of the bot. */
export interface TeamsDeps {
  conversations: ConversationStore;
  dataSourceLabel: string;
  clock: Clock;
  policy: Policy;
  roles: RoleDirectory;
  /** The committee digest's chat commands. */
  digest: DigestService;
  /** Subscriptions, delivery status and conversation lifecycle of the notification pipeline. */
  notifications: NotificationPipeline;
  /** Card verbs on findings. */
  triage: TriageService;
  /** Entra object id ↔ UPN for owners and assignees (docs/triage.md). */
  users: UserDirectory;
  /** Questions → catalog answers. */
  answers: AnswerService;
}
