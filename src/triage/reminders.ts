import type { Clock, FindingCards } from '../domain/ports';
import { scheduledChange } from '../domain/triage/schedule';
import { findingFacts, type TriagePolicy } from '../domain/triage/types';
import { log } from '../log';
import type { Db } from '../store/database';
import type { FindingStore } from '../store/findings';
import type { DecisionRegister } from '../store/register';
import type { TriageStateStore } from '../store/triage';
import type { TriageNotifier } from './notifier';

export interface ReminderDeps {
  db: Db;
  findings: FindingStore;
  states: TriageStateStore;
  register: DecisionRegister;
  policy: TriagePolicy;
  clock: Clock;
  notifier: TriageNotifier;
  cards?: FindingCards;
}

/**
 * The periodic job: applies the domain's schedule rules (expiry reopens, lapsed requests, snooze ends,
 * expiry and overdue reminders) to every finding in triage. Each change is a decision by "system": it bumps
 * the finding's version and lands in the register, like a person's.
 */
export class ReminderJob {
  private timer?: NodeJS.Timeout;
  constructor(private readonly deps: ReminderDeps) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.runOnce().catch((err) => log().error({ err }, 'triage reminders failed')), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(): Promise<number> {
    const { deps } = this;
    const now = deps.clock.now();
    let changed = 0;
    for (const item of await deps.states.listActive(['claimed', 'pending_acceptance', 'risk_accepted', 'mitigated', 'snoozed'])) {
      const applied = await deps.db.transaction().execute(async (tx) => {
        const finding = await deps.findings.get(item.tenantId, item.findingKey, tx);
        if (!finding) return undefined;
        const state = await deps.states.get(item.tenantId, item.findingKey, tx);
        const change = scheduledChange(findingFacts(finding), state, now, deps.policy);
        if (!change) return undefined;
        const next = { ...finding, version: finding.version + 1 };
        if (!(await deps.findings.replaceIfVersion(next, finding.version, now, tx))) return undefined;
        await deps.states.put(tx, item.tenantId, item.findingKey, change.next, now);
        await deps.register.append(tx, {
          tenantId: item.tenantId,
          findingKey: item.findingKey,
          zone: finding.resource.zone,
          verb: change.verb,
          actorId: 'system',
          actorName: 'AI Posture Bot (scheduled)',
          role: 'system',
          justification: change.notify?.text ?? null,
          before: state,
          after: change.next,
          at: now.toISOString(),
        });
        return { finding: next, change };
      });
      if (!applied) continue;
      changed++;
      if (applied.change.notify) await deps.notifier.tell(applied.change.notify.to, applied.change.notify.text, applied.finding).catch((err) => log().warn({ err }, 'reminder not delivered'));
      await deps.cards?.refresh(applied.finding.tenantId, applied.finding.key).catch((err) => log().warn({ err }, 'card refresh after reminder failed'));
    }
    return changed;
  }
}
