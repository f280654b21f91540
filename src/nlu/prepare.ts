/** The text the classifier sees, built the same way for training utterances and for questions. */
import { canonicalize } from './canonical';
import { RESOURCE_PLACEHOLDER } from './corpus';
import type { ResourceMatch } from './slots/resource';
import { normalizeText, stripMentions } from './text';

/** Replaces the words that named a resource with the placeholder, so any name reads the same to the classifier. */
export function maskResource(clean: string, match: ResourceMatch | undefined): string {
  if (!match) return clean;
  const used = new Set(match.words);
  const out: string[] = [];
  clean.split(' ').forEach((word, i) => {
    if (!used.has(i)) out.push(word);
    else if (out[out.length - 1] !== RESOURCE_PLACEHOLDER) out.push(RESOURCE_PLACEHOLDER);
  });
  return out.join(' ');
}

/** A training utterance ("tell me about {resource}") as classifier text. */
export function prepareUtterance(utterance: string): string {
  const withPlaceholder = utterance.replace(/\{resource\}/g, RESOURCE_PLACEHOLDER);
  return canonicalize(normalizeText(stripMentions(withPlaceholder)));
}
