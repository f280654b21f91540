import type { DigestPeriod } from '../domain/digest/period';
import { periodEnding, periodKey } from '../domain/digest/period';
import type { Clock } from '../domain/ports';
import { log } from '../log';
import type { DigestRunStore } from '../store/digest-runs';
import type { DigestScheduleStore, StoredDigestSchedule } from '../store/digest-schedules';
import { latestOccurrence, nextOccurrence } from './cron';

export interface DigestSchedulerDeps {
  schedules: DigestScheduleStore;
  runs: DigestRunStore;
  clock: Clock;
  /** Builds and posts one digest; returns the posted activity id. */
  send(schedule: StoredDigestSchedule, period: DigestPeriod): Promise<string | undefined>;
  /** Called before each pass, e.g. to seed schedules from configuration. */
  beforePass?: () => Promise<void>;
}

/** Timers never sleep longer than this, so a changed clock or schedule is noticed within the hour. */
const MAX_SLEEP_MS = 3_600_000;

/**
 * Sends each enabled schedule's digest once per scheduled occurrence. A pass looks at the latest occurrence
 * at or before now: if no run is recorded for it, the pass claims it (insert on the run's primary key) and
 * sends. So a run missed while the bot was down goes out once at the next start, and a restart within the
 * same period finds the claim and sends nothing. Older missed periods are not replayed: the committee wants
 * the current digest, not a backlog.
 */
export class DigestScheduler {
  private timer?: NodeJS.Timeout;
  private pass: Promise<number> = Promise.resolve(0);
  private started = false;

  constructor(private readonly deps: DigestSchedulerDeps) {}

  /** Catches up missed runs, then sleeps until the next occurrence. */
  async start(): Promise<void> {
    this.started = true;
    await this.runDue();
    await this.arm();
  }

  stop(): void {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Re-arms the timer after a schedule changed in chat. */
  async reschedule(): Promise<void> {
    if (this.started) await this.arm();
  }

  /** One pass over the schedules (serialized: overlapping passes would only find each other's claims). */
  runDue(): Promise<number> {
    this.pass = this.pass.then(() => this.runPass()).catch((err) => {
      log().error({ err }, 'digest pass failed');
      return 0;
    });
    return this.pass;
  }

  private async runPass(): Promise<number> {
    await this.deps.beforePass?.();
    const now = this.deps.clock.now();
    let sent = 0;
    for (const s of await this.deps.schedules.list({ enabledOnly: true })) {
      const due = latestOccurrence(s.cron, s.timeZone, s.activeSince, now);
      if (!due) continue;
      const key = { tenantId: s.tenantId, conversationId: s.conversationId, kind: s.kind, periodKey: periodKey(s.kind, due) };
      if (!(await this.deps.runs.claim(key, now))) continue;
      try {
        const activityId = await this.deps.send(s, periodEnding(s.kind, due, s.timeZone));
        await this.deps.runs.markSent(key, activityId, this.deps.clock.now());
        sent++;
        log().info({ conversationId: s.conversationId, kind: s.kind, period: key.periodKey, late: now.getTime() - due.getTime() > 60_000 }, 'digest sent');
      } catch (err) {
        // Give the period back: the next pass (timer or start-up) tries again.
        await this.deps.runs.release(key);
        log().warn({ err, conversationId: s.conversationId, kind: s.kind, period: key.periodKey }, 'digest send failed; will retry');
      }
    }
    return sent;
  }

  private async arm(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.started) return;
    const now = this.deps.clock.now();
    let next = Infinity;
    for (const s of await this.deps.schedules.list({ enabledOnly: true })) {
      const at = nextOccurrence(s.cron, s.timeZone, now);
      if (at) next = Math.min(next, at.getTime());
    }
    const delay = Math.max(1000, Math.min(MAX_SLEEP_MS, next - now.getTime()));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runDue().then(() => this.arm());
    }, delay);
    this.timer.unref();
  }
}
