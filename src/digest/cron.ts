import { Cron } from 'croner';

const DAY = 86_400_000;

function pattern(cron: string, timeZone: string): Cron {
  // No callback: croner only computes occurrences and never starts a timer of its own.
  return new Cron(cron, { timezone: timeZone });
}

/** The first occurrence strictly after `after`. */
export function nextOccurrence(cron: string, timeZone: string, after: Date): Date | null {
  return pattern(cron, timeZone).nextRun(after);
}

/**
 * The latest occurrence in [notBefore, now], or null. Day-of-week schedules repeat at least weekly, so
 * looking back eight days is enough (the extra day covers daylight-saving shifts).
 */
export function latestOccurrence(cron: string, timeZone: string, notBefore: Date, now: Date): Date | null {
  const p = pattern(cron, timeZone);
  const from = Math.max(notBefore.getTime() - 1000, now.getTime() - 8 * DAY);
  let latest: Date | null = null;
  let cursor = p.nextRun(new Date(from));
  while (cursor && cursor.getTime() <= now.getTime()) {
    latest = cursor;
    cursor = p.nextRun(cursor);
  }
  return latest;
}
