import type { Policy } from '../config/policy';
import type { Clock, FindingCards } from '../domain/ports';
import type { RoleDirectory } from '../domain/roles';
import type { AnchorStore, DefenderActions, UserDirectory, WriteTargets } from '../domain/triage/ports';
import type { TriagePolicy } from '../domain/triage/types';
import type { Db } from '../store/database';
import { FindingStore } from '../store/findings';
import { ProcessedActivities } from '../store/processed-activities';
import { DecisionRegister } from '../store/register';
import { TriageStateStore } from '../store/triage';
import { WritebackQueue } from '../store/writeback';
import { RegisterAnchoring } from './anchoring';
import type { TriageNotifier } from './notifier';
import { ReminderJob } from './reminders';
import { TriageService } from './service';
import { WritebackWorker } from './worker';

export interface TriageOptions {
  db: Db;
  policy: Policy;
  roles: RoleDirectory;
  clock: Clock;
  actions: DefenderActions;
  /** Where recommendations' exemptions go (the mode's Resource Graph / standards lookups). */
  targets: WriteTargets;
  /** WRITEBACK: false records decisions in Teams only and sends nothing to Defender. */
  writeback: boolean;
  notifier: TriageNotifier;
  cards?: FindingCards;
  findingTenant: (teamsTenantId: string) => string;
  /** Entra object id ↔ UPN (the same directory the Teams notifier uses). */
  users: UserDirectory;
  /** Write-back retry back-off and reminder cadence (tests shorten them). */
  retryDelayMs?: number;
  reminderIntervalMs?: number;
  /** Where the register's head is anchored outside the database, and how often (0: only on `audit anchor`). */
  anchors: AnchorStore;
  anchorIntervalMs: number;
}

/** Builds the triage feature: service (card verbs), write-back worker and reminder job over one store. */
export function createTriage(o: TriageOptions) {
  const policy: TriagePolicy = {
    zones: o.policy.zones,
    snoozeMaxDays: o.policy.triage.snoozeMaxDays,
    expiryReminderDays: o.policy.triage.expiryReminderDays,
    approvalConversations: o.policy.triage.approvalConversations,
  };
  const findings = new FindingStore(o.db);
  const states = new TriageStateStore(o.db);
  const register = new DecisionRegister(o.db);
  const queue = new WritebackQueue(o.db);
  const users = o.users;
  const service: TriageService = new TriageService({
    db: o.db,
    findings,
    states,
    register,
    queue,
    processed: new ProcessedActivities(o.db),
    roles: o.roles,
    users,
    policy,
    clock: o.clock,
    notifier: o.notifier,
    cards: o.cards,
    kick: () => worker.kick(),
    findingTenant: o.findingTenant,
    targets: o.targets,
    writeback: o.writeback,
  });
  const worker = new WritebackWorker({
    queue,
    actions: o.actions,
    enabled: o.writeback,
    clock: o.clock,
    cards: o.cards,
    retryDelayMs: o.retryDelayMs,
    onGaveUp: (job, error) => service.recordWriteBackFailure(job, error),
  });
  const reminders = new ReminderJob({ db: o.db, findings, states, register, policy, clock: o.clock, notifier: o.notifier, cards: o.cards });
  const anchoring = new RegisterAnchoring({ register, store: o.anchors, clock: o.clock });
  return {
    service,
    worker,
    reminders,
    register,
    anchoring,
    queue,
    users,
    states,
    findings,
    /** The store the queue and register live in (tests queue jobs directly). */
    db: o.db,
    start() {
      worker.start();
      reminders.start(o.reminderIntervalMs ?? 15 * 60_000);
      if (o.anchorIntervalMs > 0) anchoring.start(o.anchorIntervalMs);
    },
    async stop() {
      reminders.stop();
      await anchoring.stop();
      await worker.stop();
    },
  };
}
export type Triage = ReturnType<typeof createTriage>;
