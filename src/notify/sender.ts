import { log } from '../log';
import type { ConversationStore, SavedConversation } from '../store/conversations';
import type { Db } from '../store/database';
import type { CardStore } from '../store/notify-cards';
import type { NotifyConversationStore } from '../store/notify-conversations';
import type { OutboxItem, OutboxStore } from '../store/outbox';
import { CONVERSATION_RULES, SlidingWindowLimiter, TENANT_RULES } from './rate-limit';
import type { CardRenderer } from './render';
import { backoffMs, classifyFailure, retryAfterMs } from './retry';
import type { NotifySettings } from './settings';
import { TransportError, type CardTransport } from './transport';

export interface SenderDeps {
  db: Db;
  outbox: OutboxStore;
  cards: CardStore;
  conversations: ConversationStore;
  notifyConversations: NotifyConversationStore;
  transport: CardTransport;
  renderer: CardRenderer;
  settings: Pick<NotifySettings, 'maxAttempts' | 'testCrashAt'>;
  /** Test hook: SIGKILLs the process at a named point. */
  crash?: (point: string) => void;
}

/** Conversations drained at once; each one is sent to strictly in order, one message at a time. */
const CONCURRENCY = 16;
const BATCH = 500;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const convKey = (i: { tenantId: string; conversationId: string }) => `${i.tenantId}\u0000${i.conversationId}`;

/**
 * Drains the outbox per conversation within Teams' rate limits: sliding windows per conversation and per
 * tenant, Retry-After on 429 (the conversation pauses), jittered backoff on 412/5xx, a bounded retry budget,
 * and 403/404 marking the conversation unreachable. Posts record the activity id; later sends update it.
 */
export class OutboxSender {
  private readonly convLimiters = new Map<string, SlidingWindowLimiter>();
  private readonly tenantLimiters = new Map<string, SlidingWindowLimiter>();
  private readonly pausedUntil = new Map<string, number>();
  private running?: Promise<void>;
  private again = false;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly deps: SenderDeps) {}

  /** Start-up recovery of items a previous process left in flight. */
  async recover(): Promise<void> {
    const r = await this.deps.outbox.recover(new Date());
    if (r.retried || r.unconfirmed) log().warn(r, 'outbox recovered after restart: in-flight updates retried, in-flight posts marked unconfirmed (not re-posted)');
  }

  /** Asks for a drain soon; concurrent calls coalesce into one more pass. */
  wake(): void {
    if (this.stopped) return;
    this.drain().catch((err) => log().error({ err }, 'outbox drain failed'));
  }

  /** Drains everything due now (waiting out rate limits, not long retries); resolves when done. */
  drain(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.pass();
        } while (this.again && !this.stopped);
      } finally {
        this.running = undefined;
        await this.schedule();
      }
    })();
    return this.running;
  }

  stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    return this.running ?? Promise.resolve();
  }

  /** Wakes again when the earliest retry or pause ends. */
  private async schedule(): Promise<void> {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const now = Date.now();
    const next = await this.deps.outbox.nextDueAt().catch(() => undefined);
    if (next === undefined) return;
    const paused = [...this.pausedUntil.values()].filter((t) => t > now);
    const at = Math.max(next, paused.length && next <= now ? Math.min(...paused) : next);
    this.timer = setTimeout(() => this.wake(), Math.max(50, at - now));
    this.timer.unref();
  }

  private async pass(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const due = (await this.deps.outbox.due(now, BATCH)).filter((i) => (this.pausedUntil.get(convKey(i)) ?? 0) <= now);
      if (due.length === 0 || this.stopped) return;
      const installed = new Map((await this.deps.conversations.list()).map((c) => [convKey(c), c]));
      const queues = new Map<string, OutboxItem[]>();
      for (const item of due) queues.set(convKey(item), [...(queues.get(convKey(item)) ?? []), item]);
      const lanes = [...queues.values()];
      let next = 0;
      const worker = async () => {
        while (next < lanes.length && !this.stopped) {
          const lane = lanes[next++]!;
          for (const item of lane) {
            const ok = await this.send(item, installed.get(convKey(item)));
            if (!ok) break; // keep the conversation's order: the rest waits for the retry
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, lanes.length) }, worker));
    }
  }

  private limiter(map: Map<string, SlidingWindowLimiter>, key: string, rules: typeof CONVERSATION_RULES): SlidingWindowLimiter {
    let l = map.get(key);
    if (!l) map.set(key, (l = new SlidingWindowLimiter(rules)));
    return l;
  }

  /** Waits for both windows, then takes a slot in each. */
  private async takeSlot(item: OutboxItem): Promise<void> {
    const conv = this.limiter(this.convLimiters, convKey(item), CONVERSATION_RULES);
    const tenant = this.limiter(this.tenantLimiters, item.tenantId, TENANT_RULES);
    for (;;) {
      const now = Date.now();
      const wait = Math.max(conv.waitMs(now), tenant.waitMs(now));
      if (wait <= 0) {
        conv.record(now);
        tenant.record(now);
        return;
      }
      await sleep(wait);
    }
  }

  /** Sends one item; false when the conversation must wait (retry scheduled). */
  private async send(item: OutboxItem, conv: SavedConversation | undefined): Promise<boolean> {
    const { outbox, cards } = this.deps;
    if (!conv) {
      await outbox.setStatus(item.id, 'dropped', new Date(), { lastError: 'the conversation is no longer installed' });
      return true;
    }
    const card = await cards.get(item.cardId);
    const rendered = card && (await this.deps.renderer.render(card));
    if (!card || !rendered) {
      await outbox.setStatus(item.id, 'dropped', new Date(), { lastError: 'nothing left to show on this card' });
      return true;
    }
    this.crashAt('before-send');
    const op = card.activityId ? 'update' : 'post';
    await this.takeSlot(item);
    // Marked before the call: a post in flight when the process dies is not repeated (see recover()).
    if (!(await outbox.take(item.id, op, new Date()))) return true;
    try {
      if (op === 'post') {
        const activityId = await this.deps.transport.post(conv, rendered);
        this.crashAt('after-send');
        await this.deps.db.transaction().execute(async (tx) => {
          await cards.setActivityId(card.id, activityId, new Date(), tx);
          await outbox.setStatus(item.id, 'sent', new Date(), { attempts: item.attempts + 1, lastError: null }, tx);
        });
      } else {
        await this.deps.transport.update(conv, card.activityId!, rendered);
        this.crashAt('after-send');
        await outbox.setStatus(item.id, 'sent', new Date(), { attempts: item.attempts + 1, lastError: null });
      }
      return true;
    } catch (err) {
      return this.failed(item, err);
    }
  }

  private async failed(item: OutboxItem, err: unknown): Promise<boolean> {
    const e = err instanceof TransportError ? err : new TransportError(String((err as Error)?.message ?? err), undefined);
    const kind = classifyFailure(e.status);
    const now = Date.now();
    const attempts = item.attempts + 1;
    const where = { conversationId: item.conversationId, outboxId: item.id, status: e.status, attempts };
    const error = `${e.status ?? 'no answer'}: ${e.message}`.slice(0, 500);
    if (kind === 'unreachable') {
      await this.deps.notifyConversations.markUnreachable(item.tenantId, item.conversationId, error, new Date(now));
      await this.deps.outbox.setStatus(item.id, 'failed', new Date(now), { attempts, lastError: error });
      log().warn(where, 'conversation unreachable (403/404): marked, its notifications are skipped until the bot is installed there again');
      return false;
    }
    if (kind === 'fatal' || attempts >= this.deps.settings.maxAttempts) {
      await this.deps.outbox.setStatus(item.id, 'failed', new Date(now), { attempts, lastError: error });
      log().error(where, 'notification failed for good: shown by "delivery status"');
      return true;
    }
    const delay = kind === 'throttled' ? retryAfterMs(e.retryAfter, now) : backoffMs(attempts);
    this.pausedUntil.set(convKey(item), now + delay);
    await this.deps.outbox.setStatus(item.id, 'pending', new Date(now), { attempts, nextAttemptAt: now + delay, lastError: error });
    log().info({ ...where, retryInMs: delay }, kind === 'throttled' ? 'throttled by Teams: retrying after Retry-After' : 'transient send failure: retrying with backoff');
    return false;
  }

  private crashAt(point: string): void {
    if (this.deps.settings.testCrashAt === point) this.deps.crash?.(point);
  }
}
