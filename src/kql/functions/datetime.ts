/**
 * Datetime and timespan functions. Internally a datetime is ms since 1970 (UTC) and a timespan is ms;
 * bin() on datetimes aligns to 0001-01-01, Kusto's origin (this matters for 7d bins).
 */
import { MS_0001_TO_1970, MS_PER_DAY } from '../values';
import { binary, unary, type ScalarFunction } from './registry';

function binValue(v: number, size: number, datetime: boolean): number | null {
  if (!(size > 0)) return null;
  if (datetime) return Math.floor((v + MS_0001_TO_1970) / size) * size - MS_0001_TO_1970;
  return Math.floor(v / size) * size;
}

const bin: ScalarFunction = {
  compile([v, size]) {
    const fv = v!.fn;
    const fs = size!.fn;
    const datetime = v!.type === 'datetime';
    return (r) => {
      const x = fv(r) as number | null;
      if (x == null) return null;
      const s = fs(r) as number | null;
      return s == null ? null : binValue(x, s, datetime);
    };
  },
};

function utc(ms: number): Date {
  return new Date(ms);
}

function startOfDay(ms: number): number {
  return Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
}

/** Weeks start on Sunday. */
function startOfWeek(ms: number): number {
  const day = startOfDay(ms);
  return day - utc(day).getUTCDay() * MS_PER_DAY;
}

function startOfMonth(ms: number, offset = 0): number {
  const d = utc(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
}

function startOfYear(ms: number, offset = 0): number {
  return Date.UTC(utc(ms).getUTCFullYear() + offset, 0, 1);
}

function withOffset(f: (ms: number, offset: number) => number): ScalarFunction {
  return {
    compile([v, o]) {
      const fv = v!.fn;
      const fo = o?.fn;
      return (r) => {
        const x = fv(r) as number | null;
        if (x == null) return null;
        const off = fo ? Number(fo(r) ?? 0) : 0;
        return f(x, off);
      };
    },
  };
}

const UNITS: Record<string, number> = {
  day: MS_PER_DAY, hour: 3_600_000, minute: 60_000, second: 1000, millisecond: 1, microsecond: 0.001, nanosecond: 0.000001,
};

/** Number of period boundaries between two datetimes (dt1 - dt2), as datetime_diff counts them. */
export function datetimeDiff(period: string, a: number, b: number): number | null {
  const p = period.toLowerCase();
  const da = utc(a);
  const db = utc(b);
  switch (p) {
    case 'year':
      return da.getUTCFullYear() - db.getUTCFullYear();
    case 'quarter':
      return (da.getUTCFullYear() - db.getUTCFullYear()) * 4 + Math.floor(da.getUTCMonth() / 3) - Math.floor(db.getUTCMonth() / 3);
    case 'month':
      return (da.getUTCFullYear() - db.getUTCFullYear()) * 12 + da.getUTCMonth() - db.getUTCMonth();
    case 'week':
      return Math.round((startOfWeek(a) - startOfWeek(b)) / (7 * MS_PER_DAY));
    default: {
      const unit = UNITS[p];
      if (!unit) return null;
      return Math.round(Math.floor(a / unit) - Math.floor(b / unit));
    }
  }
}

function datetimeAdd(period: string, amount: number, ms: number): number | null {
  const p = period.toLowerCase();
  const d = utc(ms);
  switch (p) {
    case 'year':
      return d.setUTCFullYear(d.getUTCFullYear() + amount);
    case 'quarter':
      return d.setUTCMonth(d.getUTCMonth() + 3 * amount);
    case 'month':
      return d.setUTCMonth(d.getUTCMonth() + amount);
    case 'week':
      return ms + amount * 7 * MS_PER_DAY;
    default: {
      const unit = UNITS[p];
      return unit ? ms + amount * unit : null;
    }
  }
}

const FORMAT_TOKENS = /yyyy|yy|y|MM|M|dd|d|HH|H|hh|h|mm|m|ss|s|f{1,7}|F{1,7}|tt|./g;

export function formatDatetime(ms: number, format: string): string {
  const d = utc(ms);
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  const frac = ms - Math.floor(ms / 1000) * 1000;
  return format.replace(FORMAT_TOKENS, (t) => {
    switch (t) {
      case 'yyyy': return p(d.getUTCFullYear(), 4);
      case 'yy': return p(d.getUTCFullYear() % 100, 2);
      case 'y': return String(d.getUTCFullYear() % 100);
      case 'MM': return p(d.getUTCMonth() + 1, 2);
      case 'M': return String(d.getUTCMonth() + 1);
      case 'dd': return p(d.getUTCDate(), 2);
      case 'd': return String(d.getUTCDate());
      case 'HH': return p(d.getUTCHours(), 2);
      case 'H': return String(d.getUTCHours());
      case 'hh': return p(d.getUTCHours() % 12 || 12, 2);
      case 'h': return String(d.getUTCHours() % 12 || 12);
      case 'mm': return p(d.getUTCMinutes(), 2);
      case 'm': return String(d.getUTCMinutes());
      case 'ss': return p(d.getUTCSeconds(), 2);
      case 's': return String(d.getUTCSeconds());
      case 'tt': return d.getUTCHours() < 12 ? 'AM' : 'PM';
      default:
        if (/^[fF]+$/.test(t)) {
          const digits = String(Math.round(frac * 1e4)).padStart(7, '0').slice(0, t.length);
          return t[0] === 'F' ? digits.replace(/0+$/, '') : digits;
        }
        return t;
    }
  });
}

function datetimePart(part: string, ms: number): number | null {
  const d = utc(ms);
  switch (part.toLowerCase()) {
    case 'year': return d.getUTCFullYear();
    case 'quarter': return Math.floor(d.getUTCMonth() / 3) + 1;
    case 'month': return d.getUTCMonth() + 1;
    case 'day': return d.getUTCDate();
    case 'dayofyear': return Math.floor((startOfDay(ms) - Date.UTC(d.getUTCFullYear(), 0, 1)) / MS_PER_DAY) + 1;
    case 'hour': return d.getUTCHours();
    case 'minute': return d.getUTCMinutes();
    case 'second': return d.getUTCSeconds();
    case 'millisecond': return d.getUTCMilliseconds();
    default: return null;
  }
}

export const DATETIME: Record<string, ScalarFunction> = {
  datetime_part: binary((part: string, ms: number) => datetimePart(part, ms)),
  now: {
    pure: false,
    compile(args, { ctx }) {
      const env = ctx.env;
      const off = args[0]?.fn;
      return off ? (r) => env.now + Number(off(r) ?? 0) : () => env.now;
    },
  },
  ago: {
    pure: false,
    compile([span], { ctx }) {
      const env = ctx.env;
      const f = span!.fn;
      return (r) => {
        const s = f(r) as number | null;
        return s == null ? null : env.now - s;
      };
    },
  },
  bin,
  floor: bin,
  bin_at: {
    compile([v, size, at]) {
      const fv = v!.fn;
      const fs = size!.fn;
      const fa = at!.fn;
      return (r) => {
        const x = fv(r) as number | null;
        const s = fs(r) as number | null;
        const a = fa(r) as number | null;
        if (x == null || s == null || a == null || !(s > 0)) return null;
        return a + Math.floor((x - a) / s) * s;
      };
    },
  },
  startofday: withOffset((ms, o) => startOfDay(ms) + o * MS_PER_DAY),
  endofday: withOffset((ms, o) => startOfDay(ms) + (o + 1) * MS_PER_DAY - 0.0001),
  startofweek: withOffset((ms, o) => startOfWeek(ms) + o * 7 * MS_PER_DAY),
  startofmonth: withOffset((ms, o) => startOfMonth(ms, o)),
  startofyear: withOffset((ms, o) => startOfYear(ms, o)),
  datetime_diff: {
    compile([period, a, b]) {
      const fp = period!.fn;
      const fa = a!.fn;
      const fb = b!.fn;
      return (r) => {
        const x = fa(r) as number | null;
        const y = fb(r) as number | null;
        return x == null || y == null ? null : datetimeDiff(String(fp(r)), x, y);
      };
    },
  },
  datetime_add: {
    compile([period, amount, dt]) {
      const fp = period!.fn;
      const fa = amount!.fn;
      const fd = dt!.fn;
      return (r) => {
        const n = fa(r) as number | null;
        const d = fd(r) as number | null;
        return n == null || d == null ? null : datetimeAdd(String(fp(r)), n, d);
      };
    },
  },
  format_datetime: binary((ms: number, format: string) => formatDatetime(ms, format)),
  dayofweek: unary((ms: number) => utc(ms).getUTCDay() * MS_PER_DAY),
  dayofmonth: unary((ms: number) => utc(ms).getUTCDate()),
  hourofday: unary((ms: number) => utc(ms).getUTCHours()),
  getyear: unary((ms: number) => utc(ms).getUTCFullYear()),
  getmonth: unary((ms: number) => utc(ms).getUTCMonth() + 1),
  unixtime_seconds_todatetime: unary((s: number) => s * 1000),
  unixtime_milliseconds_todatetime: unary((s: number) => s),
};
