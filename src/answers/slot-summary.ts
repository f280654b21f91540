/** "Zone 3 (Regulated) · last 7 days · High severity": the slots an answer ran with, in words. */
import { capitalize } from '../cards/format';
import type { Slots } from '../domain/intents';
import { ZONE_NAMES } from '../domain/zones';

const RESOURCE_TYPE_LABELS: Record<string, string> = {
  openai: 'Azure OpenAI',
  ai_services: 'AI Services',
  ml_workspace: 'Azure ML workspaces',
  ai_search: 'AI Search',
  ai_foundry: 'AI Foundry',
};

const ALERT_TYPE_LABELS: Record<string, string> = {
  jailbreak: 'jailbreak attempts',
  credential_theft: 'credential theft',
  sensitive_data: 'sensitive data exposure',
  suspicious_ip: 'suspicious IPs',
  wallet_attack: 'denial of wallet',
  phishing: 'phishing / malicious URLs',
  access_anomaly: 'access anomalies',
};

/** P7D → "last 7 days", PT12H → "last 12 hours", P1D → "last 24 hours", P2W → "last 14 days". */
export function describeTimeRange(iso: string): string {
  const m = /^P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?)$/.exec(iso);
  if (!m) return iso;
  const [weeks, days, hours, minutes] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number];
  const totalMinutes = ((weeks * 7 + days) * 24 + hours) * 60 + minutes;
  const plural = (n: number, unit: string) => `last ${n} ${unit}${n === 1 ? '' : 's'}`;
  if (totalMinutes === 1440) return 'last 24 hours';
  if (totalMinutes % 1440 === 0) return plural(totalMinutes / 1440, 'day');
  if (totalMinutes % 60 === 0) return plural(totalMinutes / 60, 'hour');
  return plural(totalMinutes, 'minute');
}

/** The slot values in reading order; `user` is shown as "assigned to …". Empty when nothing narrows the answer. */
export function slotSummary(slots: Slots): string {
  const parts: string[] = [];
  if (slots.zone !== undefined) parts.push(`Zone ${slots.zone} (${ZONE_NAMES[slots.zone]})`);
  if (slots.timeRange) parts.push(describeTimeRange(slots.timeRange));
  if (slots.severity) parts.push(`${capitalize(slots.severity)} severity`);
  if (slots.alertType) parts.push(ALERT_TYPE_LABELS[slots.alertType] ?? slots.alertType);
  if (slots.resourceType) parts.push(RESOURCE_TYPE_LABELS[slots.resourceType] ?? slots.resourceType);
  if (slots.resource) parts.push(slots.resource);
  if (slots.user) parts.push(`assigned to ${slots.user}`);
  return parts.join(' · ');
}
