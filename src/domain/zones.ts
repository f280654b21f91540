import { z } from 'zod';
import { SEVERITIES } from './intents';

export type Zone = 1 | 2 | 3;
export type Severity = (typeof SEVERITIES)[number];
export const ZONE_NAMES: Record<Zone, string> = { 1: 'Baseline', 2: 'Recommended', 3: 'Regulated' };

/** The governance policy per zone (DESIGN.md §2); every number here is configurable. */
export const zonePolicySchema = z.object({
  remediationSlaHours: z.object({
    critical: z.number().int().positive(),
    high: z.number().int().positive(),
    medium: z.number().int().positive(),
    low: z.number().int().positive(),
  }),
  gracePeriodDays: z.number().int().min(0),
  riskAcceptance: z.enum(['owner', 'security_lead', 'committee']),
  maxRiskAcceptanceDays: z.number().int().positive(),
  attackPathReview: z.enum(['daily', 'weekly', 'monthly']),
});
export type ZonePolicy = z.infer<typeof zonePolicySchema>;

const DAY = 24;
export const DEFAULT_ZONE_POLICIES: Record<Zone, ZonePolicy> = {
  1: {
    remediationSlaHours: { critical: 30 * DAY, high: 30 * DAY, medium: 90 * DAY, low: 180 * DAY },
    gracePeriodDays: 3,
    riskAcceptance: 'owner',
    maxRiskAcceptanceDays: 365,
    attackPathReview: 'monthly',
  },
  2: {
    remediationSlaHours: { critical: 7 * DAY, high: 7 * DAY, medium: 14 * DAY, low: 90 * DAY },
    gracePeriodDays: 3,
    riskAcceptance: 'security_lead',
    maxRiskAcceptanceDays: 180,
    attackPathReview: 'weekly',
  },
  3: {
    remediationSlaHours: { critical: 72, high: 7 * DAY, medium: 14 * DAY, low: 30 * DAY },
    gracePeriodDays: 0,
    riskAcceptance: 'committee',
    maxRiskAcceptanceDays: 90,
    attackPathReview: 'daily',
  },
};

/**
 * Reads a resource's zone from its tag value. Anything that is not 1, 2 or 3 is treated as Zone 3
 * (fail closed) and reported as unknown so the card can say so.
 */
export function zoneFromTag(value: unknown): { zone: Zone; zoneKnown: boolean } {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (text === '1' || text === '2' || text === '3') return { zone: Number(text) as Zone, zoneKnown: true };
  return { zone: 3, zoneKnown: false };
}

/** Remediation due date for a finding claimed at `from`. */
export function remediationDueDate(zone: Zone, severity: Severity, from: Date, policies = DEFAULT_ZONE_POLICIES): Date {
  return new Date(from.getTime() + policies[zone].remediationSlaHours[severity] * 3_600_000);
}
