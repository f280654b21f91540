import type { Policy } from '../config/policy';
import type { DigestService } from '../digest/service';
import type { DefenderDataSource, Clock } from '../domain/ports';
import type { RoleDirectory } from '../domain/roles';
import type { ConversationStore } from '../store/conversations';

/** What the Teams listeners need from the rest of the bot. */
export interface TeamsDeps {
  conversations: ConversationStore;
  dataSource: DefenderDataSource;
  dataSourceLabel: string;
  clock: Clock;
  policy: Policy;
  roles: RoleDirectory;
  /** The committee digest's chat commands (absent: `digest …` says it is not available). */
  digest?: DigestService;
}
