import { ZONE_NAMES } from '../domain/zones';
import type { ResourceRef } from '../domain/findings';

/** "2026-11-21 14:02 UTC": unambiguous for readers in any time zone. */
export function formatUtc(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function zoneLabel(resource: Pick<ResourceRef, 'zone' | 'zoneKnown'>): string {
  const label = `Zone ${resource.zone} · ${ZONE_NAMES[resource.zone]}`;
  return resource.zoneKnown ? label : `${label} (zone tag missing: treated as Zone 3)`;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
