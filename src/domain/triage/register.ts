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

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level and no whitespace: the same entry always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The text that is hashed: every field of the entry, the previous hash included. */
export function canonicalEntry(e: RegisterEntry): string {
  return canonicalJson({ ...e });
}
