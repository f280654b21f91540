import { FINDING_KINDS, SEVERITY_ORDER, type SubscriptionSpec } from './subscription';
import type { FindingKind } from '../domain/finding';
import type { Severity, Zone } from '../domain/zones';

export type SubscriptionCommand =
  | { action: 'list' }
  | { action: 'subscribe'; spec: SubscriptionSpec }
  | { action: 'unsubscribe'; spec: SubscriptionSpec | 'all' };

export type ParseResult = { ok: true; command: SubscriptionCommand } | { ok: false; error: string };

export const SUBSCRIBE_USAGE =
  'Examples: `subscribe zone 3 high alerts`, `subscribe recommendations zone 2`, `subscribe attack paths`, `unsubscribe zone 3 high alerts`, `unsubscribe all`, `subscriptions`.';

const KIND_WORDS: Record<string, FindingKind> = {
  alert: 'alert',
  alerts: 'alert',
  recommendation: 'recommendation',
  recommendations: 'recommendation',
  recs: 'recommendation',
  'attack-path': 'attack_path',
  'attack-paths': 'attack_path',
  attack_path: 'attack_path',
  attack_paths: 'attack_path',
  paths: 'attack_path',
};
const FILLER = new Set(['to', 'for', 'in', 'and', 'on', 'of', 'the', 'severity', 'findings', 'everything', 'me', 'us', 'this', 'channel', 'chat', 'only']);
const ZONE_WORD = /^zones?$/;
const ZONE_LIST = /^[0-9]+(,[0-9]+)*,?$/;

/** True when the text is a subscription command (so the listener answers it even when it is malformed). */
export function isSubscriptionCommand(text: string): boolean {
  return /^\s*(un)?subscribe\b|^\s*subscriptions\s*[.!?]?\s*$/i.test(text);
}

/**
 * Parses `subscribe …`, `unsubscribe …` and `subscriptions`. Words may come in any order; anything it does
 * not understand is an error naming that word, so a typo never creates a subscription nobody intended.
 */
export function parseSubscriptionCommand(input: string): ParseResult {
  const text = input.trim().toLowerCase().replace(/[.!?]+$/, '').replace(/attack\s+paths?/g, (m) => m.replace(/\s+/, '-'));
  const [verb, ...words] = text.split(/\s+/).filter(Boolean);
  if (verb === 'subscriptions') {
    return words.length === 0 ? { ok: true, command: { action: 'list' } } : { ok: false, error: `\`subscriptions\` takes no words after it (got "${words.join(' ')}"). ${SUBSCRIBE_USAGE}` };
  }
  if (verb !== 'subscribe' && verb !== 'unsubscribe') return { ok: false, error: `That is not a subscription command. ${SUBSCRIBE_USAGE}` };
  if (verb === 'unsubscribe' && words.length === 1 && words[0] === 'all') return { ok: true, command: { action: 'unsubscribe', spec: 'all' } };

  const kinds = new Set<FindingKind>();
  const zones = new Set<Zone>();
  let minSeverity: Severity | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (ZONE_WORD.test(w)) {
      const taken = takeZones(words, i + 1);
      if ('error' in taken) return { ok: false, error: `${taken.error} ${SUBSCRIBE_USAGE}` };
      taken.zones.forEach((z) => zones.add(z));
      i = taken.next - 1;
      continue;
    }
    const sev = w.replace(/\+$/, '');
    if ((SEVERITY_ORDER as readonly string[]).includes(sev)) {
      if (minSeverity && minSeverity !== sev) return { ok: false, error: `Give one minimum severity, not both "${minSeverity}" and "${sev}" (a subscription includes that severity and above). ${SUBSCRIBE_USAGE}` };
      minSeverity = sev as Severity;
      continue;
    }
    if (KIND_WORDS[w]) {
      kinds.add(KIND_WORDS[w]);
      continue;
    }
    if (w === 'all' || w === 'any' || FILLER.has(w)) continue;
    if (/^[0-9]+$/.test(w)) return { ok: false, error: `"${w}" needs the word "zone" before it (for example \`zone ${w}\`). ${SUBSCRIBE_USAGE}` };
    return { ok: false, error: `I don't understand "${w}" in that command. Kinds are alerts, recommendations and attack paths; zones 1, 2 and 3; severities low, medium, high and critical. ${SUBSCRIBE_USAGE}` };
  }
  const spec: SubscriptionSpec = {
    kinds: kinds.size ? FINDING_KINDS.filter((k) => kinds.has(k)) : [...FINDING_KINDS],
    zones: zones.size ? ([1, 2, 3] as Zone[]).filter((z) => zones.has(z)) : [1, 2, 3],
    minSeverity: minSeverity ?? 'low',
  };
  return { ok: true, command: { action: verb, spec } };
}

function takeZones(words: string[], from: number): { zones: Zone[]; next: number } | { error: string } {
  const zones: Zone[] = [];
  let i = from;
  while (i < words.length) {
    const w = words[i]!;
    if (w === 'and' && zones.length > 0 && i + 1 < words.length && ZONE_LIST.test(words[i + 1]!)) {
      i++;
      continue;
    }
    if (!ZONE_LIST.test(w)) break;
    for (const part of w.split(',').filter(Boolean)) {
      const n = Number(part);
      if (n !== 1 && n !== 2 && n !== 3) return { error: `There is no zone ${part}: zones are 1 (Baseline), 2 (Recommended) and 3 (Regulated).` };
      zones.push(n as Zone);
    }
    i++;
  }
  if (zones.length === 0) return { error: `"zone" must be followed by 1, 2 or 3${words[from] ? ` (got "${words[from]}")` : ''}.` };
  return { zones, next: i };
}
