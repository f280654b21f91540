/**
 * Kusto literals for slot values. Every value reaches a query only through these functions, so user text can
 * never become KQL syntax: strings are fully escaped (anything outside printable ASCII becomes \uXXXX).
 */

/** A double-quoted Kusto string literal whose parsed value is exactly `value`. */
export function kustoString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c >= 0x20 && c <= 0x7e) out += value[i];
    // Controls, DEL, non-ASCII (RTL marks, emoji as surrogate pairs): \u escapes keep the text plain ASCII.
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/** `dynamic(["a", "b"])` from strings. */
export function kustoStringArray(values: readonly string[]): string {
  return `dynamic([${values.map(kustoString).join(', ')}])`;
}

/** `int(3)` or `int(null)`. */
export function kustoInt(value: number | null): string {
  if (value === null) return 'int(null)';
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer: ${value}`);
  return `int(${value})`;
}

export function kustoBool(value: boolean): string {
  return `bool(${value})`;
}

/** Longest accepted time range: keeps every literal far inside Kusto's timespan range. */
export const MAX_TIME_RANGE_DAYS = 3650;

/**
 * ISO-8601 duration (the `timeRange` slot: weeks, days, hours, minutes) → Kusto timespan literal, in the largest
 * whole unit: P7D → 7d, PT24H → 1d, PT36H → 36h, P2W → 14d, P1DT12H → 36h, PT90M → 90m.
 */
export function isoToTimespan(iso: string): string {
  const m = /^P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?)$/.exec(iso);
  if (!m || iso === 'P' || iso === 'PT') throw new RangeError(`not an ISO-8601 duration of weeks, days, hours or minutes: ${iso}`);
  const [weeks, days, hours, minutes] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number];
  const total = ((weeks * 7 + days) * 24 + hours) * 60 + minutes;
  if (total <= 0) throw new RangeError(`time range must be positive: ${iso}`);
  if (total > MAX_TIME_RANGE_DAYS * 1440) throw new RangeError(`time range longer than ${MAX_TIME_RANGE_DAYS} days: ${iso}`);
  if (total % 1440 === 0) return `${total / 1440}d`;
  if (total % 60 === 0) return `${total / 60}h`;
  return `${total}m`;
}
