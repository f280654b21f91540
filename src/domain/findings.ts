import type { Severity, Zone } from './zones';

/** What the bot knows of an AI resource: its governance zone (fail-closed to 3) and owner come from tags. */
export interface ResourceRef {
  id: string;
  name: string;
  kind: string;
  zone: Zone;
  zoneKnown: boolean;
  owner?: string;
}

/** Defender severities map onto the four the bot's policy knows; "Informational" counts as low. */
export function severityFromDefender(value: unknown): Severity {
  const v = String(value ?? '').toLowerCase();
  if (v === 'critical' || v === 'high' || v === 'medium' || v === 'low') return v;
  return 'low';
}
