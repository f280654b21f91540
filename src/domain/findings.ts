import type { Severity, Zone } from './zones';

/** A Defender for AI threat alert as the bot shows it: one occurrence group of one alert type on one resource. */
export interface AlertFinding {
  kind: 'alert';
  id: string;
  alertType: string;
  name: string;
  severity: Severity;
  description: string;
  tactics: string[];
  resource: ResourceRef;
  callerIp?: string;
  firstSeen: Date;
  lastSeen: Date;
  occurrences: number;
  status: string;
  portalUrl: string;
}

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
