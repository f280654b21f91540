/**
 * Digest schedules as an admin types them: `<days> <HH:MM> <IANA time zone>`, e.g. `mon 09:00 America/New_York`,
 * `mon,thu 07:30 Europe/London`, `daily 08:00 America/Chicago`. Parsing is pure; cron evaluation lives in
 * src/digest (croner), so the domain stays free of libraries.
 */

/** The weekly committee digest, and the daily Zone 3 attack-path digest (Zone 3 review cadence is daily). */
export const DIGEST_KINDS = ['weekly', 'zone3_daily'] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];

export interface DigestSchedule {
  /** Days of week, 0 = Sunday … 6 = Saturday, ascending, no duplicates. */
  days: number[];
  hour: number;
  minute: number;
  timeZone: string;
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const FULL_NAMES: Record<string, string> = { sun: 'sunday', mon: 'monday', tue: 'tuesday', wed: 'wednesday', thu: 'thursday', fri: 'friday', sat: 'saturday' };
const DAY_ALIASES: Record<string, number[]> = {
  daily: [0, 1, 2, 3, 4, 5, 6],
  weekdays: [1, 2, 3, 4, 5],
};

export class ScheduleError extends Error {
  override name = 'ScheduleError';
}

function parseDays(text: string): number[] {
  const out = new Set<number>();
  for (const raw of text.toLowerCase().split(',')) {
    const word = raw.trim();
    const alias = DAY_ALIASES[word];
    if (alias) alias.forEach((d) => out.add(d));
    else {
      // Accept "mon", "monday", "Mon".
      const i = DAY_NAMES.findIndex((d) => word === d || FULL_NAMES[d] === word);
      if (i < 0) throw new ScheduleError(`Unknown day "${raw.trim()}": use mon, tue, wed, thu, fri, sat, sun (comma-separated), weekdays or daily.`);
      out.add(i);
    }
  }
  return [...out].sort((a, b) => a - b);
}

function parseTime(text: string): { hour: number; minute: number } {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  const hour = m ? Number(m[1]) : NaN;
  const minute = m ? Number(m[2]) : NaN;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) {
    throw new ScheduleError(`"${text}" is not a time of day: use 24-hour HH:MM between 00:00 and 23:59.`);
  }
  return { hour, minute };
}

/** True when the runtime knows the IANA zone (Intl throws RangeError otherwise). */
export function isKnownTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Parses `<days> <HH:MM> <time zone>`; throws ScheduleError naming the part that is wrong. */
export function parseSchedule(text: string): DigestSchedule {
  const parts = text.trim().split(/\s+/).filter(Boolean);
  if (parts.length !== 3) {
    throw new ScheduleError(`A schedule is "<days> <HH:MM> <time zone>", e.g. "mon 09:00 America/New_York"; got "${text.trim()}".`);
  }
  const [days, time, timeZone] = parts as [string, string, string];
  const parsedDays = parseDays(days);
  const { hour, minute } = parseTime(time);
  if (!isKnownTimeZone(timeZone)) {
    throw new ScheduleError(`Unknown time zone "${timeZone}": use an IANA name such as America/New_York, Europe/London or UTC.`);
  }
  return { days: parsedDays, hour, minute, timeZone };
}

/** Five-field cron pattern (minute hour day-of-month month day-of-week); the time zone travels separately. */
export function toCron(s: DigestSchedule): string {
  return `${s.minute} ${s.hour} * * ${s.days.join(',')}`;
}

/** The canonical text of a schedule, as stored and shown: "mon 09:00 America/New_York". */
export function formatSchedule(s: DigestSchedule): string {
  const days = s.days.length === 7 ? 'daily' : s.days.join(',') === '1,2,3,4,5' ? 'weekdays' : s.days.map((d) => DAY_NAMES[d]).join(',');
  return `${days} ${String(s.hour).padStart(2, '0')}:${String(s.minute).padStart(2, '0')} ${s.timeZone}`;
}
