import { wellFormed } from '../text';

/**
 * The decision register: one append-only entry per decision, chained by hash (hash = SHA-256 of the previous
 * hash and the entry's canonical serialization), so editing, inserting or deleting any row breaks the chain.
 * Hashing itself lives outside the domain (node:crypto); the canonical form is defined here.
 */
export interface RegisterEntry {
  seq: number;
  tenantId: string;
  findingKey: string;
  zone: number;
  verb: string;
  actorId: string;
  actorName: string;
  role: string;
  justification: string | null;
  before: unknown;
  after: unknown;
  at: string;
  prevHash: string;
}

/**
 * An entry as the store holds it: every text well-formed (so the database gives back exactly what was written)
 * and the states as canonical JSON text. The hash is computed from this form, never from the entry it came from.
 */
export interface RegisterRecord extends Omit<RegisterEntry, 'before' | 'after'> {
  beforeJson: string;
  afterJson: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON text that `canonicalJson` copies as is (a state already stored in canonical form). */
class RawJson {
  constructor(readonly text: string) {}
}

/** JSON with object keys sorted at every level and no whitespace: the same entry always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The form an entry is stored in. Callers pass well-formed text (the domain refuses or cleans it where it
 * enters); any unpaired surrogate or control character that still arrives becomes U+FFFD here, before hashing,
 * so what is hashed is what is stored. JSON.stringify already escapes both inside the states.
 */
export function toRecord(e: RegisterEntry): RegisterRecord {
  const { before, after, justification, ...rest } = e;
  const texts = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, typeof v === 'string' ? wellFormed(v) : v])) as Omit<RegisterEntry, 'before' | 'after' | 'justification'>;
  return { ...texts, justification: justification === null ? null : wellFormed(justification), beforeJson: canonicalJson(before), afterJson: canonicalJson(after) };
}

/**
 * The text that is hashed: every stored field, the previous hash included, with the states spliced in as
 * stored. For a well-formed entry this is exactly `canonicalJson(entry)` (the form used since the first row).
 */
export function canonicalRecord(r: RegisterRecord): string {
  const { beforeJson, afterJson, ...rest } = r;
  return canonicalJson({ ...rest, before: new RawJson(beforeJson), after: new RawJson(afterJson) });
}
