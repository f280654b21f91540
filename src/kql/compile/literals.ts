/**
 * Literal values. Parsed from the literal's own text where the Bridge build is unreliable
 * (it yields 0 for `real(nan)` and `time(1.02:03:04)`, and datetimes in local time).
 */
import { parseDatetime, parseTimespan } from '../values';
import { kindOf, type SNode } from '../syntax';
import type { Ctx } from './context';

/** `long(5)` → "5", `datetime(null)` → "null", `5` → "5". */
function inner(text: string): string {
  const m = /^[a-z]+\s*\(([\s\S]*)\)$/i.exec(text.trim());
  return (m ? m[1]! : text).trim();
}

function parseNumber(text: string): number | null {
  const t = inner(text).toLowerCase();
  if (t === 'null') return null;
  if (t === 'nan') return NaN;
  if (t === 'inf' || t === '+inf') return Infinity;
  if (t === '-inf') return -Infinity;
  const n = Number(t);
  return Number.isNaN(n) ? null : n;
}

export function literalValue(n: SNode, ctx: Ctx): unknown {
  const kind = kindOf(n);
  const text = ctx.text(n);
  const info = (n as unknown as { LiteralValueInfo: { Value: unknown } | null }).LiteralValueInfo;
  switch (kind) {
    case 'StringLiteralExpression':
    case 'CompoundStringLiteralExpression':
      return String(info?.Value ?? '');
    case 'LongLiteralExpression':
    case 'IntLiteralExpression':
    case 'RealLiteralExpression':
    case 'DecimalLiteralExpression': {
      const v = parseNumber(text);
      if (v === null && inner(text).toLowerCase() !== 'null') throw ctx.unsupported(n, `numeric literal ${text}`);
      return v;
    }
    case 'BooleanLiteralExpression': {
      const t = inner(text).toLowerCase();
      return t === 'null' ? null : t === 'true';
    }
    case 'DateTimeLiteralExpression': {
      const t = inner(text);
      if (t.toLowerCase() === 'null') return null;
      const ms = parseDatetime(t);
      if (ms === null) throw ctx.unsupported(n, `datetime literal ${text}`);
      return ms;
    }
    case 'TimespanLiteralExpression': {
      const t = inner(text);
      if (t.toLowerCase() === 'null') return null;
      const ms = parseTimespan(t);
      if (ms !== null) return ms;
      const ticks = (info?.Value as { ticks?: { toNumber?: () => number } } | null)?.ticks;
      if (ticks?.toNumber) return ticks.toNumber() / 10_000;
      throw ctx.unsupported(n, `timespan literal ${text}`);
    }
    case 'GuidLiteralExpression': {
      const t = inner(text);
      return t.toLowerCase() === 'null' ? null : t.toLowerCase();
    }
    case 'DynamicExpression': {
      const json = String(info?.Value ?? 'null');
      try {
        return JSON.parse(json);
      } catch {
        throw ctx.unsupported(n, `dynamic literal ${text}`);
      }
    }
    default:
      throw ctx.unsupported(n);
  }
}
