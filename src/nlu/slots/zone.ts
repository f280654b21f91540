/** Governance zone: "zone 3", "z3", "zone three", "zone-3", "regulated", "baseline zone", "recommended tier". */

type Zone = 1 | 2 | 3;

const WORDS: Record<string, Zone> = { '1': 1, one: 1, '2': 2, two: 2, '3': 3, three: 3, baseline: 1, recommended: 2, regulated: 3 };
const NAMES = '(baseline|recommended|regulated)';
const SCOPE = '(?:zones?|tier|resources?|workloads?|assets?|deployments?|models?|subscriptions?|apps?|services?|accounts?|endpoints?)';

// "baseline" and "recommended" are ordinary words too ("spikes above baseline", "recommended fixes"), so they
// count only next to a zone-like noun. "regulated" alone is unambiguous in this domain (not "regulatory").
const PATTERNS: RegExp[] = [
  /\bz(?:one)?\s?-?\s?([123])\b/g,
  /\bzone\s+(one|two|three)\b/g,
  new RegExp(`\\bzone\\s*[:(-]?\\s*${NAMES}\\b`, 'g'),
  new RegExp(`\\b${NAMES}\\s+${SCOPE}\\b`, 'g'),
  /\b(regulated)\b/g,
];

/**
 * The zone a text names, or undefined. If several zones are named the most regulated wins (fail closed, as
 * for resources without a zone tag).
 */
export function parseZone(text: string): Zone | undefined {
  let best: Zone | undefined;
  for (const pattern of PATTERNS) {
    for (const m of text.toLowerCase().matchAll(pattern)) {
      const zone = WORDS[m[1]];
      if (zone && (!best || zone > best)) best = zone;
    }
  }
  return best;
}
