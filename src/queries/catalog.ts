/** Loads and validates the prebuilt KQL catalog: one `<intent>.kql` per catalog intent, in this folder. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CATALOG_INTENTS, type CatalogIntent } from '../domain/intents';
import { ALL_TABLES } from '../schemas';
import { CatalogError, parseHeader, type QueryHeader } from './header';
import { RESERVED_PARAMS } from './slots';

export interface CatalogQuery extends QueryHeader {
  /** Path of the .kql file. */
  file: string;
  /** The KQL after the header (comments kept), before any binding. */
  body: string;
  /** 1-based line of the file where `body` starts. */
  bodyLine: number;
}

export type Catalog = ReadonlyMap<CatalogIntent, CatalogQuery>;

/** The folder holding the .kql files (the build must copy them next to the compiled loader). */
export const CATALOG_DIR = __dirname;

/** Parses one .kql file; throws CatalogError naming the file and line. */
export function parseQueryFile(file: string, text: string): CatalogQuery {
  const { header, bodyStart } = parseHeader(file, text);
  const lines = text.split(/\r?\n/);
  const body = lines.slice(bodyStart).join('\n').trim();
  if (!body) throw new CatalogError(file, bodyStart + 1, 'no query after the header');
  lines.forEach((line, i) => {
    if (i < bodyStart) return;
    const code = line.replace(/\/\/.*$/, '');
    // The binder prepends these parameters; a query must not redefine them.
    const let_ = /\blet\s+([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(code);
    if (let_ && RESERVED_PARAMS.includes(let_[1] as string)) throw new CatalogError(file, i + 1, `"let ${let_[1]}" redefines a bound parameter`);
    // Log Analytics and Resource Graph are different services: a query reads tables of its own source only.
    for (const t of ALL_TABLES) {
      if (t.source !== header.source && new RegExp(`(^|[^A-Za-z0-9_.-])${t.name}\\b(?!\\s*=)`, t.source === 'resourcegraph' ? 'i' : '').test(code)) {
        throw new CatalogError(file, i + 1, `table ${t.name} is a ${t.source} table but the query's source is ${header.source}`);
      }
    }
  });
  return { ...header, file, body, bodyLine: bodyStart + 1 };
}

/** Loads every catalog query; each CATALOG_INTENTS id must have exactly one file named after it. */
export function loadCatalog(dir: string = CATALOG_DIR): Catalog {
  const files = readdirSync(dir).filter((f) => f.endsWith('.kql')).sort();
  const catalog = new Map<CatalogIntent, CatalogQuery>();
  for (const f of files) {
    const path = join(dir, f);
    const q = parseQueryFile(path, readFileSync(path, 'utf8'));
    if (basename(f, '.kql') !== q.id) throw new CatalogError(path, 1, `file name must be ${q.id}.kql`);
    catalog.set(q.id, q);
  }
  const missing = CATALOG_INTENTS.filter((id) => !catalog.has(id));
  if (missing.length > 0) throw new CatalogError(dir, 0, `no query for intent(s) ${missing.join(', ')}`);
  return catalog;
}
