/** One sliding-window rule: at most `limit` sends in any `windowMs`. */
export interface WindowRule {
  limit: number;
  windowMs: number;
}

/**
 * Teams' documented bot limits (per conversation 7 messages/s and 60 per 30 s; per app per tenant 50
 * requests/s), with margin: the connector measures arrival, not send time, so windows are a little longer.
 */
export const CONVERSATION_RULES: WindowRule[] = [
  { limit: 7, windowMs: 1_250 },
  { limit: 60, windowMs: 32_000 },
];
export const TENANT_RULES: WindowRule[] = [{ limit: 50, windowMs: 1_250 }];

/** Sliding-window limiter over send timestamps; pure apart from the timestamps it keeps. */
export class SlidingWindowLimiter {
  private readonly sent: number[] = [];
  private readonly horizon: number;

  constructor(private readonly rules: WindowRule[]) {
    this.horizon = Math.max(...rules.map((r) => r.windowMs));
  }

  /** Milliseconds to wait before the next send is allowed (0 = now). */
  waitMs(now: number): number {
    this.prune(now);
    let wait = 0;
    for (const r of this.rules) {
      const inWindow = this.countSince(now - r.windowMs);
      if (inWindow >= r.limit) {
        // The oldest send that must leave the window before one more fits.
        const oldest = this.sent[this.sent.length - r.limit]!;
        wait = Math.max(wait, oldest + r.windowMs - now);
      }
    }
    return wait;
  }

  record(now: number): void {
    this.sent.push(now);
  }

  private countSince(t: number): number {
    let n = 0;
    for (let i = this.sent.length - 1; i >= 0 && this.sent[i]! > t; i--) n++;
    return n;
  }

  private prune(now: number): void {
    let drop = 0;
    while (drop < this.sent.length && this.sent[drop]! <= now - this.horizon) drop++;
    if (drop) this.sent.splice(0, drop);
  }
}

/** Largest number of timestamps inside any window of `windowMs` (for tests and benchmarks). */
export function maxInAnyWindow(timestamps: number[], windowMs: number): number {
  const t = [...timestamps].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < t.length; end++) {
    while (t[end]! - t[start]! >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}
