import { createSimulatedTenant, type SimulatedTenant } from '../../src/sim';

export const NOW = new Date('2025-06-16T14:00:00.000Z');
export const DAY = 86_400_000;

let cached: SimulatedTenant | undefined;
/** One default tenant shared by read-only tests (generation takes a few hundred ms). */
export function tenant(): SimulatedTenant {
  cached ??= createSimulatedTenant({ seed: 42, now: NOW });
  return cached;
}

export const json = (text: unknown): Record<string, unknown> => JSON.parse(String(text)) as Record<string, unknown>;
export const props = (row: Record<string, unknown>): Record<string, unknown> => row.properties as Record<string, unknown>;
