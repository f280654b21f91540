/** How each slot of src/domain/intents.ts becomes a `let` parameter: its name in KQL and its Kusto type. */
import { slotsSchema, type Slots } from '../domain/intents';

export type SlotName = keyof Slots;

export const SLOT_NAMES = Object.keys(slotsSchema.shape) as SlotName[];

/** Kusto type of each slot's `let` parameter (alertType binds the family's list of alert types). */
export const SLOT_PARAMS: Record<SlotName, { param: string; type: 'int' | 'string' | 'timespan' | 'dynamic' }> = {
  zone: { param: 'zone', type: 'int' },
  severity: { param: 'severity', type: 'string' },
  timeRange: { param: 'timeRange', type: 'timespan' },
  resourceType: { param: 'resourceType', type: 'string' },
  alertType: { param: 'alertTypes', type: 'dynamic' },
  resource: { param: 'resource', type: 'string' },
  user: { param: 'user', type: 'string' },
};

/** Parameters the binder adds besides the slots (see docs/queries.md, "Zone filtering"). */
export const DERIVED_PARAMS = {
  /** Resource Graph queries: the tag that holds a resource's governance zone. */
  zoneTag: 'string',
  /** Log Analytics queries with a zone/resourceType/resource slot: true when none of them is set. */
  scopeAll: 'bool',
  /** ...otherwise the lower-cased ids of the AI resources they select, resolved from the inventory. */
  scopeIds: 'dynamic',
} as const;

export const RESERVED_PARAMS: readonly string[] = [...Object.values(SLOT_PARAMS).map((s) => s.param), ...Object.keys(DERIVED_PARAMS)];

/** Slots that select resources: Log Analytics queries turn them into `scopeIds`. */
export const SCOPE_SLOTS: readonly SlotName[] = ['zone', 'resourceType', 'resource'];

/** True when any of SCOPE_SLOTS is set. */
export function selectsResources(slots: Slots): boolean {
  return SCOPE_SLOTS.some((name) => slots[name] !== undefined);
}
