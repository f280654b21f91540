import type { Clock, FindingCards } from '../domain/ports';
import { PermanentWriteError, type DefenderActions } from '../domain/triage/ports';
import { log } from '../log';
import type { WritebackJob, WritebackQueue } from '../store/writeback';

export interface WorkerOptions {
  queue: WritebackQueue;
  actions: DefenderActions;
  /** WRITEBACK=off: queued jobs are settled as "recorded in Teams only" and never sent. */
  enabled: boolean;
  /** A job that will not be tried again (refused by Azure, or out of attempts): the register records it. */
  onGaveUp?: (job: WritebackJob, error: string) => Promise<void>;
  clock: Clock;
  cards?: FindingCards;
  /** Attempts before a job is marked failed for an admin to look at. */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt, capped at one hour. */
  retryDelayMs?: number;
  /** How often due retries are looked for. */
  pollMs?: number;
}

/**
 * Drains the durable write-back queue: applies each job to Defender (through the SDK's own retries), then
 * marks it done or schedules a retry with exponential back-off, and redraws the finding's cards so they say
 * "syncing…", "sync failed — retrying" or nothing. Jobs survive restarts: they are rows in the store.
 */
export class WritebackWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private again = false;
  private stopped = false;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: WorkerOptions) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.retryDelayMs = options.retryDelayMs ?? 5_000;
  }

  start(): void {
    this.stopped = false;
    const poll = this.options.pollMs ?? 15_000;
    this.timer = setInterval(() => this.kick(), poll);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Asks for a drain soon; calls while one runs coalesce into one more pass. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err) => (log().error({ err }, 'write-back drain failed'), 0))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Waits for the current pass (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Processes every job due now; returns how many were attempted. */
  async drain(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const jobs = await this.options.queue.due(this.options.clock.now());
      if (jobs.length === 0) return attempted;
      for (const job of jobs) {
        attempted++;
        await this.attempt(job);
      }
    }
  }

  private async attempt(job: WritebackJob): Promise<void> {
    const { queue, clock, cards } = this.options;
    if (this.options.enabled) await this.send(job);
    else await queue.settleUnsent(job.id, 'write-back to Defender was turned off (WRITEBACK=off) before this was sent', clock.now());
    await cards?.refresh(job.tenantId, job.findingKey).catch((err) => log().warn({ err, findingKey: job.findingKey }, 'card refresh after write-back failed'));
  }

  private async send(job: WritebackJob): Promise<void> {
    const { queue, actions, clock } = this.options;
    try {
      await actions.apply(job.write);
      await queue.succeeded(job.id, clock.now());
      log().info({ jobId: job.id, type: job.write.type, findingKey: job.findingKey }, 'written back to Defender');
    } catch (err) {
      const attempts = job.attempts + 1;
      const permanent = err instanceof PermanentWriteError;
      const retryAt = permanent || attempts >= this.maxAttempts ? undefined : new Date(clock.now().getTime() + Math.min(3_600_000, this.retryDelayMs * 2 ** (attempts - 1)));
      const message = (err as Error).message ?? String(err);
      await queue.failed(job.id, message, clock.now(), retryAt);
      log().warn({ err, jobId: job.id, type: job.write.type, attempts, retryAt }, retryAt ? 'write-back failed: will retry' : 'write-back failed for good');
      if (!retryAt) await this.options.onGaveUp?.(job, message).catch((e) => log().error({ err: e, jobId: job.id }, 'the failed write-back could not be recorded in the register'));
    }
  }
}
