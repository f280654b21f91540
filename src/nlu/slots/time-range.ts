/**
 * Time range as an ISO-8601 duration, from the forms people type: "today", "24h", "past 7 days", "this week",
 * "two weeks", "last month", "last 3 days", "past 12 hours", "since Monday". Deterministic regexes: they cover
 * the common forms in microseconds; explicit calendar dates ("since March 1") go to ./calendar.ts.
 */

const DAY_MS = 86_400_000;

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, couple: 2, 'a couple of': 2, three: 3, few: 3, 'a few': 3, four: 4, five: 5, six: 6,
  seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fourteen: 14, fifteen: 15, thirty: 30, sixty: 60, ninety: 90,
};
const WORD_NUM = `(a couple of|a few|${Object.keys(NUMBER_WORDS).filter((w) => !w.includes(' ')).join('|')})`;
const UNIT = '(minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mos?|quarters?|years?|yrs?)';
// Single-letter units only straight after digits ("7d", "24h", "2w", "1y"), never after words ("any", "and").
const SHORT_UNIT = '(h|d|w|y)';
// "72 hour SLA" or "30-day average" describe something else than the period asked about.
const NOT_A_RANGE = '(?!\\s*(?:sla|slas|deadline|grace|average|avg|mean|baseline|window|term|expir))';
const SPANS = [
  new RegExp(`(?:^|[^\\w.,])(\\d{1,4})\\s?-?\\s?(?:${UNIT}|${SHORT_UNIT})\\b${NOT_A_RANGE}`),
  new RegExp(`\\b${WORD_NUM}[\\s-]+${UNIT}\\b${NOT_A_RANGE}`),
];

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const SINCE_WEEKDAY = /\bsince\s+(?:last\s+)?(sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)(?:day|nesday|rsday|urday)?\b/;

const FIXED: [RegExp, string][] = [
  [/\b(?:past|last|previous|this|the)\s+hour\b/, 'PT1H'],
  [/\byesterday\b/, 'P2D'],
  [/\btoday\b|\btonight\b|\bthis morning\b|\bso far today\b|\bpast day\b|\blast day\b/, 'P1D'],
  [/\bfortnight\b/, 'P14D'],
  [/\b(?:this|last|past|previous|prior|the)\s+(?:work\s?)?week\b|\bweek to date\b|\bwtd\b/, 'P7D'],
  [/\b(?:this|last|past|previous|prior|the)\s+month\b|\bmonth to date\b|\bmtd\b/, 'P30D'],
  [/\b(?:this|last|past|previous|prior|the)\s+quarter\b|\bqtd\b/, 'P90D'],
  [/\b(?:this|last|past|previous|prior|the)\s+year\b|\bytd\b|\byear to date\b/, 'P365D'],
];

function toNumber(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
}

/** N units as a duration: hours in whole days become days; weeks, months, quarters and years become days. */
export function spanToDuration(n: number, unit: string): string | undefined {
  if (!Number.isFinite(n) || n <= 0 || n > 3650) return undefined;
  const u = unit.replace(/s$/, '');
  if (u === 'min' || u === 'minute') return `PT${n}M`;
  if (u === 'h' || u === 'hr' || u === 'hour') return n % 24 === 0 ? `P${n / 24}D` : `PT${n}H`;
  if (u === 'd' || u === 'day') return `P${n}D`;
  if (u === 'w' || u === 'wk' || u === 'week') return `P${7 * n}D`;
  if (u === 'mo' || u === 'month') return `P${30 * n}D`;
  if (u === 'quarter') return `P${90 * n}D`;
  if (u === 'y' || u === 'yr' || u === 'year') return `P${365 * n}D`;
  return undefined;
}

/** Whole days (rounded up) from a start instant to now, as a duration; undefined if the start is not past. */
export function daysSince(start: Date, now: Date): string | undefined {
  const ms = now.getTime() - start.getTime();
  return ms > 0 ? `P${Math.ceil(ms / DAY_MS)}D` : undefined;
}

/** "since Monday": the most recent past Monday at 00:00 UTC (today if today is Monday). */
function sinceWeekday(prefix: string, now: Date): string | undefined {
  const target = WEEKDAYS.findIndex((d) => d.startsWith(prefix.slice(0, 3)));
  const back = (now.getUTCDay() - target + 7) % 7;
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - back);
  return daysSince(new Date(start), new Date(now.getTime() + 1));
}

/** The duration a text names (`now` only matters for "since <weekday>"), or undefined. */
export function parseTimeRange(text: string, now: Date): string | undefined {
  const lower = text.toLowerCase();
  for (const pattern of SPANS) {
    const m = pattern.exec(lower);
    const d = m && spanToDuration(toNumber(m[1]), m[2] ?? m[3]);
    if (d) return d;
  }
  const weekday = SINCE_WEEKDAY.exec(lower);
  if (weekday) return sinceWeekday(weekday[1], now);
  for (const [pattern, duration] of FIXED) if (pattern.test(lower)) return duration;
  return undefined;
}
