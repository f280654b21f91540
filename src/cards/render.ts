import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { PACKAGE_ROOT } from '../paths';

export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

const CARDS_DIR = join(PACKAGE_ROOT, 'cards');
const templates = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    t = new ACData.Template(JSON.parse(readFileSync(join(CARDS_DIR, `${name}.json`), 'utf8')));
    templates.set(name, t);
  }
  return t;
}

/** The sample data stored beside a template (cards/<name>.sample.json): used by tests and docs. */
export function sampleData(name: string): unknown {
  return JSON.parse(readFileSync(join(CARDS_DIR, `${name}.sample.json`), 'utf8'));
}

/**
 * Expands cards/<name>.json with `data`. The templating library leaves unbound fields as literal
 * `${…}` text without complaint, so any survivor is treated as a bug rather than shown to a user.
 */
export function renderCard(name: string, data: unknown): AdaptiveCard {
  const card = template(name).expand({ $root: data }) as AdaptiveCard;
  const text = JSON.stringify(card);
  const unbound = /\$\{[^}]*\}/.exec(text);
  if (unbound) throw new Error(`Card "${name}" has an unbound field ${unbound[0]}`);
  return card;
}
