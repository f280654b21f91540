/**
 * Binds slot values into a catalog query as typed, escaped `let` parameters prepended to its text. Values are
 * validated against `slotsSchema` first; nothing is ever pasted into the query body.
 */
import { ALERT_TYPE_FAMILIES, slotsSchema, type Slots } from '../domain/intents';
import type { CatalogQuery } from './catalog';
import { isoToTimespan, kustoBool, kustoInt, kustoString, kustoStringArray } from './literals';
import { SCOPE_SLOTS, selectsResources, SLOT_PARAMS, type SlotName } from './slots';

export interface BindContext {
  /** Tag holding a resource's governance zone (configuration ZONE_TAG). */
  zoneTag: string;
  /**
   * Log Analytics queries only: ids of the AI resources the zone/resourceType/resource slots select (resolved
   * from the inventory by src/queries/run.ts), or null when none of those slots is set.
   */
  scope?: readonly string[] | null;
}

export class SlotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlotError';
  }
}

/** Slot values after defaults, validated. */
export function effectiveSlots(query: CatalogQuery, slots: Slots): Slots {
  const parsed = slotsSchema.safeParse(slots);
  if (!parsed.success) {
    throw new SlotError(`bad slot value: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'slots'}: ${i.message}`).join('; ')}`);
  }
  const declared = new Map(query.slots.map((s) => [s.name, s]));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(parsed.data)) {
    if (value === undefined) continue;
    if (!declared.has(name as SlotName)) throw new SlotError(`${query.id} does not take a ${name} (it takes ${[...declared.keys()].join(', ') || 'no slots'})`);
    out[name] = value;
  }
  for (const s of query.slots) {
    if (out[s.name] === undefined && s.default !== undefined) out[s.name] = s.default;
    if (out[s.name] === undefined && s.required) throw new SlotError(`${query.id} needs a ${s.name}`);
  }
  return out as Slots;
}

/** True when a Log Analytics query filters by resource scope (it declares a zone, resourceType or resource slot). */
export function usesScope(query: CatalogQuery): boolean {
  return query.source === 'logs' && query.slots.some((s) => SCOPE_SLOTS.includes(s.name));
}

/** The `let` statements for a query's slots (absent optional slots bind typed "no filter" values). */
export function bindingLets(query: CatalogQuery, slots: Slots, context: BindContext): string[] {
  const values = effectiveSlots(query, slots);
  const lets = query.slots.map((s) => `let ${SLOT_PARAMS[s.name].param} = ${literalFor(s.name, values[s.name])};`);
  if (query.source === 'resourcegraph') {
    if (!context.zoneTag) throw new SlotError('the zone tag name must not be empty');
    lets.push(`let zoneTag = ${kustoString(context.zoneTag)};`);
  }
  if (usesScope(query)) {
    const scoped = selectsResources(values);
    if (scoped && !context.scope) throw new SlotError(`${query.id}: a zone, resource type or resource filter needs the resolved resource scope`);
    lets.push(`let scopeAll = ${kustoBool(!scoped)};`);
    lets.push(`let scopeIds = ${kustoStringArray(scoped ? context.scope!.map((id) => id.toLowerCase()) : [])};`);
  }
  return lets;
}

/** The runnable query text: the binding `let`s, one per line, then the query body. */
export function bindQuery(query: CatalogQuery, slots: Slots, context: BindContext): string {
  return `${bindingLets(query, slots, context).join('\n')}\n${query.body}`;
}

function literalFor(name: SlotName, value: unknown): string {
  switch (name) {
    case 'zone':
      return kustoInt(value === undefined ? null : (value as number));
    case 'timeRange':
      return value === undefined ? 'timespan(null)' : isoToTimespan(value as string);
    case 'alertType':
      return kustoStringArray(value === undefined ? [] : ALERT_TYPE_FAMILIES[value as keyof typeof ALERT_TYPE_FAMILIES]);
    default:
      // Optional strings bind "" (queries test isempty()): Kusto strings have no null.
      return kustoString(value === undefined ? '' : (value as string));
  }
}
