/** Resolves the zone/resourceType/resource slots to resource ids, for Log Analytics queries (see docs/queries.md). */
import type { Slots } from '../domain/intents';
import type { QueryResult } from '../domain/ports';
import { selectsResources } from './slots';

/** One AI resource of the inventory, as the `inventory` catalog query returns it. */
export interface ScopeResource {
  id: string;
  name: string;
  resourceType: string;
  /** Effective zone (unknown tags already count as 3). */
  zone: number;
}

/** Ids (sorted, so equal scopes give equal query texts) of the inventory resources the slots select, or null when no zone/resourceType/resource slot is set. */
export function scopeIds(inventory: readonly ScopeResource[], slots: Slots): string[] | null {
  if (!selectsResources(slots)) return null;
  const name = slots.resource?.toLowerCase();
  return inventory
    .filter((r) => (slots.zone === undefined || r.zone === slots.zone)
      && (slots.resourceType === undefined || r.resourceType === slots.resourceType)
      && (name === undefined || r.name.toLowerCase() === name))
    .map((r) => r.id.toLowerCase())
    .sort();
}

/** Reads ScopeResources from an `inventory` query result (by column name, so column order does not matter). */
export function inventoryFromResult(result: QueryResult): ScopeResource[] {
  const col = (name: string): number => {
    const i = result.columns.findIndex((c) => c.name === name);
    if (i < 0) throw new Error(`inventory result has no ${name} column`);
    return i;
  };
  const [id, name, type, zone] = [col('ResourceId'), col('ResourceName'), col('ResourceType'), col('Zone')];
  return result.rows.map((r) => ({ id: String(r[id]), name: String(r[name]), resourceType: String(r[type]), zone: Number(r[zone]) }));
}
