import type { DigestKind } from './schedule';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The window a digest reports on, and the one before it (for week-over-week change). */
export interface DigestPeriod {
  kind: DigestKind;
  /** Exclusive end: the scheduled time (or the request time for `digest now`). */
  end: Date;
  start: Date;
  previousStart: Date;
  timeZone: string;
}

export function periodEnding(kind: DigestKind, end: Date, timeZone: string): DigestPeriod {
  const length = kind === 'weekly' ? 7 * DAY : DAY;
  const e = end.getTime();
  return { kind, end: new Date(e), start: new Date(e - length), previousStart: new Date(e - 2 * length), timeZone };
}

/** The key a scheduled run is recorded under: one send per conversation, kind and scheduled instant. */
export function periodKey(kind: DigestKind, scheduledAt: Date): string {
  return `${kind}@${scheduledAt.toISOString()}`;
}

/** "Mon 9 Jun 2025, 09:00" in the committee's time zone. */
export function formatLocal(d: Date, timeZone: string, withTime = true): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const date = `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}`;
  return withTime ? `${date}, ${get('hour')}:${get('minute')}` : date;
}

/** "Mon 9 Jun – Mon 16 Jun 2025, 09:00 America/New_York". */
export function periodLabel(p: DigestPeriod): string {
  return `${formatLocal(p.start, p.timeZone)} – ${formatLocal(p.end, p.timeZone)} (${p.timeZone})`;
}
