import type { ResourceRef } from '../../domain/findings';
import { zoneFromTag } from '../../domain/zones';

export type Row = Record<string, unknown>;
export type ResourceLookup = (resourceId: string) => ResourceRef | undefined;

export function props(row: Row): Record<string, unknown> {
  const p = row.properties;
  if (typeof p === 'string') {
    try {
      return JSON.parse(p) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return (p ?? {}) as Record<string, unknown>;
}

export function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : value == null ? fallback : String(value);
}

export function date(value: unknown, fallback: Date): Date {
  const d = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : fallback;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => text(v)).filter(Boolean) : [];
}

/** A resource the lookup does not know still gets a card; its zone fails closed to 3 and says so. */
export function resourceOf(resourceId: string, lookup: ResourceLookup): ResourceRef {
  const known = resourceId ? lookup(resourceId) : undefined;
  if (known) return known;
  const name = resourceId.split('/').filter(Boolean).pop() ?? (resourceId || 'unknown resource');
  return { id: resourceId, name, kind: 'AI resource', ...zoneFromTag(undefined) };
}
