/**
 * Fuzzy match of a question against the inventory's resource names: "fraud detection openai" finds
 * `oai-fraud-detection-prod`. Each name is split into tokens weighted by rarity across the inventory (IDF), with
 * environment tokens (prod, dev…) weightless; a name scores the weighted share of its tokens the question
 * mentions. A token matches by equality, a small typo, a known alias ("openai" for "oai"), an abbreviation of
 * two words ("doc intel" / "document intelligence" for "docintel") or initials ("knowledge base" for "kb").
 */

/** Minimum weighted share of a name's tokens; "fraud detection" (0.77) matches, "fraud" alone (0.38) does not. */
export const RESOURCE_MATCH_THRESHOLD = 0.6;
/** The best name must lead the next one by this much, or the question is ambiguous and nothing is matched. */
export const RESOURCE_MATCH_MARGIN = 0.1;

const ENVIRONMENT = new Set(['prod', 'prd', 'production', 'dev', 'test', 'tst', 'qa', 'uat', 'stg', 'stage', 'staging', 'sandbox', 'sbx', 'nonprod', 'np', 'preprod']);

/** Resource-name tokens that people say differently (prefix conventions of the Azure naming guide). */
const ALIASES: Record<string, string[]> = {
  oai: ['openai', 'aoai', 'open ai', 'gpt'],
  aisvc: ['ai services', 'ai service', 'cognitive', 'cognitive services', 'ais'],
  mlw: ['ml', 'machine learning', 'workspace', 'aml workspace'],
  srch: ['search', 'ai search', 'cognitive search'],
  aif: ['foundry', 'ai foundry', 'ai studio'],
  kb: ['knowledge base', 'knowledgebase'],
  docintel: ['document intelligence', 'form recognizer'],
};

interface Candidate {
  name: string;
  tokens: { text: string; weight: number }[];
  total: number;
}

export interface ResourceMatch {
  name: string;
  score: number;
  /** Indexes of the question's whitespace-separated words that named the resource. */
  words: number[];
}

interface Word {
  text: string;
  index: number;
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** How much a word supports a name token: 1, or 0.5 through a plural ("foundry hubs" is a class, not one hub). */
function support(token: string, word: string): number {
  if (token === word) return 1;
  if (token === singular(word)) return 0.5;
  return similar(token, word) ? 1 : 0;
}

function similar(token: string, word: string): boolean {
  if (token === word) return true;
  const shorter = Math.min(token.length, word.length);
  if (shorter >= 5) return editDistance(token, word) <= (shorter >= 8 ? 2 : 1);
  return false;
}

export class ResourceMatcher {
  private readonly candidates: Candidate[];

  constructor(names: readonly string[]) {
    const split = names.map((name) => ({ name, parts: [...new Set(name.toLowerCase().split(/[-_.\s/]+/).filter(Boolean))] }));
    const df = new Map<string, number>();
    for (const { parts } of split) for (const p of parts) df.set(p, (df.get(p) ?? 0) + 1);
    this.candidates = split.map(({ name, parts }) => {
      const tokens = parts.map((text) => ({
        text,
        weight: ENVIRONMENT.has(text) || /^\d+$/.test(text) ? 0 : Math.log(1 + names.length / (df.get(text) ?? 1)),
      }));
      return { name, tokens, total: tokens.reduce((s, t) => s + t.weight, 0) };
    });
  }

  /** The resource a normalized question names, or undefined when none clears the threshold or two tie. */
  match(text: string): ResourceMatch | undefined {
    const whole = text.split(' ');
    const exact = whole.findIndex((w) => this.candidates.some((c) => c.name.toLowerCase() === w));
    if (exact >= 0) return { name: this.candidates.find((c) => c.name.toLowerCase() === whole[exact])!.name, score: 1, words: [exact] };

    const words: Word[] = whole.flatMap((w, index) => w.split(/[-_/]+/).filter(Boolean).map((t) => ({ text: t.replace(/^'+|'+$/g, ''), index })));
    const scored = this.candidates
      .filter((c) => c.total > 0)
      .map((c) => {
        const used = new Set<number>();
        let got = 0;
        for (const token of c.tokens) {
          const hit = findToken(token.text, words);
          if (hit) {
            got += token.weight * hit.support;
            hit.words.forEach((i) => used.add(i));
          }
        }
        return { name: c.name, score: got / c.total, words: [...used].sort((a, b) => a - b) };
      })
      .sort((a, b) => b.score - a.score);
    const [best, next] = scored;
    if (!best || best.score < RESOURCE_MATCH_THRESHOLD) return undefined;
    if (next && best.score - next.score < RESOURCE_MATCH_MARGIN) return undefined;
    return best;
  }
}

interface Hit {
  words: number[];
  support: number;
}

/** The words that spell a name token and how strongly, or undefined. */
function findToken(token: string, words: Word[]): Hit | undefined {
  let best: Hit | undefined;
  for (const w of words) {
    const s = support(token, w.text);
    if (s > (best?.support ?? 0)) best = { words: [w.index], support: s };
  }
  if (best) return best;
  const hit = findSpelling(token, words);
  return hit && { words: hit, support: 1 };
}

function findSpelling(token: string, words: Word[]): number[] | undefined {
  for (const alias of ALIASES[token] ?? []) {
    const parts = alias.split(' ');
    for (let i = 0; i + parts.length <= words.length; i += 1) {
      if (parts.every((p, k) => words[i + k].text === p)) return words.slice(i, i + parts.length).map((w) => w.index);
    }
  }
  for (let i = 0; i + 1 < words.length; i += 1) {
    const [a, b] = [words[i].text, words[i + 1].text];
    // "doc processing" / "document processing" → docprocessing; "gen ai" / "generative ai" → genai.
    for (let cut = 2; cut <= token.length - 2; cut += 1) {
      const [p1, p2] = [token.slice(0, cut), token.slice(cut)];
      if (a.startsWith(p1) && (b.startsWith(p2) || similar(p2, b))) return [words[i].index, words[i + 1].index];
    }
  }
  if (token.length >= 2 && token.length <= 4) {
    // Initials: "knowledge base" → kb, "anti money laundering" → aml.
    for (let i = 0; i + token.length <= words.length; i += 1) {
      const run = words.slice(i, i + token.length);
      if (run.map((w) => w.text[0]).join('') === token && run.every((w) => w.text.length > 1)) return run.map((w) => w.index);
    }
  }
  return undefined;
}
