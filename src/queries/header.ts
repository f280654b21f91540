/**
 * The header of a catalog .kql file: its leading `//` lines. Tag lines (`// @key value`) are parsed strictly;
 * other comment lines are free description. Format: docs/queries.md, "Header format".
 */
import { CATALOG_INTENTS, slotsSchema, type CatalogIntent } from '../domain/intents';
import type { QuerySource, ResultColumn } from '../domain/ports';
import { SLOT_NAMES, SLOT_PARAMS, type SlotName } from './slots';

export interface SlotDecl {
  name: SlotName;
  type: string;
  required: boolean;
  /** Slot value used when the question does not give one (validated like any slot value). */
  default?: string | number;
}

export interface QueryHeader {
  id: CatalogIntent;
  title: string;
  source: QuerySource;
  card: string;
  slots: SlotDecl[];
  columns: ResultColumn[];
}

export class CatalogError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = 'CatalogError';
  }
}

const KUSTO_TYPES = ['string', 'int', 'long', 'real', 'bool', 'datetime', 'timespan', 'dynamic', 'guid', 'decimal'];
const SINGLE_KEYS = ['id', 'title', 'source', 'card'] as const;
const TAG = /^\/\/ @([A-Za-z]+)(?: (.*))?$/;
const SLOT = /^([A-Za-z]+): ([a-z]+)(?: (required)| = (\S+))?$/;
const COLUMN = /^([A-Za-z_][A-Za-z0-9_]*): ([a-z]+)$/;

/** Parses the header; returns it and the 0-based index of the first body line. */
export function parseHeader(file: string, text: string): { header: QueryHeader; bodyStart: number } {
  const lines = text.split(/\r?\n/);
  const single: Partial<Record<(typeof SINGLE_KEYS)[number], string>> = {};
  const slots: SlotDecl[] = [];
  const columns: ResultColumn[] = [];
  let i = 0;
  for (; i < lines.length && (lines[i] as string).startsWith('//'); i++) {
    const line = lines[i] as string;
    const no = i + 1;
    const fail = (message: string): never => {
      throw new CatalogError(file, no, message);
    };
    if (!line.startsWith('// @')) continue;
    const m = TAG.exec(line);
    if (!m) fail(`malformed header line "${line}" (expected "// @key value")`);
    const [, key, rawValue] = m as RegExpExecArray;
    const value = (rawValue ?? '').trim();
    if (!value) fail(`@${key} needs a value`);
    if ((SINGLE_KEYS as readonly string[]).includes(key as string)) {
      const k = key as (typeof SINGLE_KEYS)[number];
      if (single[k] !== undefined) fail(`duplicate @${k}`);
      single[k] = value;
    } else if (key === 'slot') {
      slots.push(parseSlot(value, fail));
      if (slots.filter((s) => s.name === slots[slots.length - 1]!.name).length > 1) fail(`duplicate @slot ${slots[slots.length - 1]!.name}`);
    } else if (key === 'column') {
      const c = COLUMN.exec(value);
      if (!c) fail(`malformed @column "${value}" (expected "Name: type")`);
      const [, name, type] = c as RegExpExecArray;
      if (!KUSTO_TYPES.includes(type as string)) fail(`unknown column type "${type}" (one of ${KUSTO_TYPES.join(', ')})`);
      if (columns.some((x) => x.name === name)) fail(`duplicate @column ${name}`);
      columns.push({ name: name as string, type: type as string });
    } else {
      fail(`unknown header key @${key} (allowed: ${[...SINGLE_KEYS, 'slot', 'column'].map((k) => `@${k}`).join(', ')})`);
    }
  }
  const end = i + 1;
  for (const key of SINGLE_KEYS) if (single[key] === undefined) throw new CatalogError(file, end, `missing @${key}`);
  if (!(CATALOG_INTENTS as readonly string[]).includes(single.id!)) throw new CatalogError(file, lineOf(lines, '@id'), `unknown intent id "${single.id}"`);
  if (single.source !== 'logs' && single.source !== 'resourcegraph') throw new CatalogError(file, lineOf(lines, '@source'), `source must be logs or resourcegraph, got "${single.source}"`);
  if (single.card !== `answer-${single.id}`) throw new CatalogError(file, lineOf(lines, '@card'), `card must be answer-${single.id}, got "${single.card}"`);
  if (columns.length === 0) throw new CatalogError(file, end, 'no @column declared');
  return {
    header: { id: single.id as CatalogIntent, title: single.title!, source: single.source, card: single.card!, slots, columns },
    bodyStart: i,
  };
}

function parseSlot(value: string, fail: (m: string) => never): SlotDecl {
  const m = SLOT.exec(value);
  if (!m) fail(`malformed @slot "${value}" (expected "name: type", "name: type required" or "name: type = default")`);
  const [, name, type, required, def] = m as RegExpExecArray;
  if (!(SLOT_NAMES as string[]).includes(name as string)) fail(`unknown slot "${name}" (one of ${SLOT_NAMES.join(', ')})`);
  const slot = name as SlotName;
  const expected = SLOT_PARAMS[slot].type;
  if (type !== expected) fail(`slot ${slot} has type ${expected}, not ${type}`);
  if (def === undefined) return { name: slot, type: expected, required: required !== undefined };
  const parsedDefault = slot === 'zone' ? Number(def) : def;
  const check = slotsSchema.safeParse({ [slot]: parsedDefault });
  if (!check.success) fail(`bad default for slot ${slot}: ${check.error.issues.map((i) => i.message).join('; ')}`);
  return { name: slot, type: expected, required: false, default: parsedDefault };
}

function lineOf(lines: string[], tag: string): number {
  const i = lines.findIndex((l) => l.startsWith(`// ${tag} `));
  return i < 0 ? 1 : i + 1;
}
