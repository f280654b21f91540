import type { AdaptiveCard } from '../cards/render';
import type { Config } from '../config';
import type { Policy } from '../config/policy';
import { formatSchedule, toCron } from '../domain/digest/schedule';
import type { Clock, QueryRunner } from '../domain/ports';
import type { RoleDirectory } from '../domain/roles';
import { log } from '../log';
import { loadCatalog } from '../queries/catalog';
import type { ConversationStore, SavedConversation } from '../store/conversations';
import type { Db } from '../store/database';
import { DigestRunStore } from '../store/digest-runs';
import { DigestScheduleStore } from '../store/digest-schedules';
import { FindingStore } from '../store/findings';
import { DecisionRegister } from '../store/register';
import { TriageStateStore } from '../store/triage';
import { DigestBuilder } from './builder';
import type { PendingAcceptance } from './gather';
import { committeePending } from './pending';
import { DigestScheduler } from './scheduler';
import { DigestService } from './service';

export interface DigestDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'digest' | 'exportBaseUrl' | 'zoneTag'>;
  policy: Policy;
  roles: RoleDirectory;
  conversations: ConversationStore;
  runner: QueryRunner;
  sourceLabel: string;
  /** Posts a card proactively; returns the activity id. */
  post(conv: SavedConversation, card: AdaptiveCard): Promise<string | undefined>;
  /** Pending Zone 3 acceptances; defaults to the triage state store. */
  pendingAcceptances?: () => Promise<PendingAcceptance[]>;
}

export interface Digest {
  service: DigestService;
  scheduler: DigestScheduler;
  builder: DigestBuilder;
  schedules: DigestScheduleStore;
  runs: DigestRunStore;
}

/** Wires the digest: builder (queries + store), schedule and run stores, scheduler and chat commands. */
export function createDigest(deps: DigestDeps): Digest {
  const schedules = new DigestScheduleStore(deps.db);
  const runs = new DigestRunStore(deps.db);
  const findings = new FindingStore(deps.db);
  const builder = new DigestBuilder(
    {
      runner: deps.runner,
      catalog: loadCatalog(),
      zoneTag: deps.config.zoneTag,
      resolvedFindings: () => findings.list({ kind: 'recommendation', status: 'resolved' }),
      registerEntries: (from, to) => new DecisionRegister(deps.db).list({ from: from.toISOString(), to: to.toISOString() }),
      pendingAcceptances: deps.pendingAcceptances ?? (() => committeePending(new TriageStateStore(deps.db), findings)),
    },
    { policies: deps.policy.zones, sourceLabel: deps.sourceLabel, ...(deps.config.exportBaseUrl ? { exportBaseUrl: deps.config.exportBaseUrl } : {}) },
  );
  const scheduler = new DigestScheduler({
    schedules,
    runs,
    clock: deps.clock,
    beforePass: () => seedConfiguredConversations(deps, schedules),
    send: async (s, period) => {
      const conv = await deps.conversations.get(s.conversationId, s.tenantId);
      if (!conv) {
        // The bot was removed from the conversation: stop the schedule instead of retrying forever.
        await schedules.put({ ...s, enabled: false, updatedBy: 'system' }, deps.clock.now());
        log().warn({ conversationId: s.conversationId, kind: s.kind }, 'digest conversation no longer installed: schedule turned off');
        return undefined;
      }
      const activityId = await deps.post(conv, await builder.card(s.kind, period.end, period.timeZone));
      // The adapter reports a failed post to its turn-error handler and resolves without an id: not sent.
      if (!activityId) throw new Error('the digest post returned no activity id');
      return activityId;
    },
  });
  const defaults = { weekly: deps.config.digest.weekly, zone3_daily: deps.config.digest.zone3Daily };
  const service = new DigestService({ schedules, scheduler, roles: deps.roles, clock: deps.clock, defaults, build: (kind, end, tz) => builder.card(kind, end, tz) });
  return { service, scheduler, builder, schedules, runs };
}

/** DIGEST_CONVERSATIONS: installed conversations get the weekly default schedule unless chat set one. */
async function seedConfiguredConversations(deps: DigestDeps, schedules: DigestScheduleStore): Promise<void> {
  const ids = new Set(deps.config.digest.conversationIds);
  if (ids.size === 0) return;
  const now = deps.clock.now();
  const weekly = deps.config.digest.weekly;
  for (const conv of await deps.conversations.list()) {
    if (!ids.has(conv.conversationId)) continue;
    const added = await schedules.putIfAbsent(
      { tenantId: conv.tenantId, conversationId: conv.conversationId, kind: 'weekly', schedule: formatSchedule(weekly), cron: toCron(weekly), timeZone: weekly.timeZone, enabled: true, source: 'config', updatedBy: 'configuration', activeSince: now },
      now,
    );
    if (added) log().info({ conversationId: conv.conversationId }, 'weekly digest scheduled from configuration');
  }
}
