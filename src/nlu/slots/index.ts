/** Slot extraction: normalized question → typed slots (only what the question states). */
import { slotsSchema, type Slots } from '../../domain/intents';
import { parseAlertType } from './alert-type';
import type { CalendarParser } from './calendar';
import { parseResourceType } from './resource-type';
import { parseSeverity } from './severity';
import { parseTimeRange } from './time-range';
import { parseZone } from './zone';

export { parseAlertType, parseResourceType, parseSeverity, parseTimeRange, parseZone };
export { ResourceMatcher, RESOURCE_MATCH_THRESHOLD, RESOURCE_MATCH_MARGIN, type ResourceMatch } from './resource';

export interface SlotContext {
  now: Date;
  calendar?: CalendarParser;
}

/**
 * Slots stated in `text` (normalized, with any matched resource name already taken out so "oai-…" or
 * "openai" in a name does not also read as a resource type). The resource itself is added by the caller.
 */
export function extractSlots(text: string, ctx: SlotContext): Slots {
  const slots: Slots = {};
  const zone = parseZone(text);
  if (zone) slots.zone = zone;
  const severity = parseSeverity(text);
  if (severity) slots.severity = severity;
  const timeRange = parseTimeRange(text, ctx.now) ?? ctx.calendar?.parse(text, ctx.now);
  if (timeRange) slots.timeRange = timeRange;
  const resourceType = parseResourceType(text);
  if (resourceType) slots.resourceType = resourceType;
  const alertType = parseAlertType(text);
  if (alertType) slots.alertType = alertType;
  return slotsSchema.parse(slots);
}
