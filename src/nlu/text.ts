/** Text clean-up shared by the classifier and the slot extractors. */

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

/**
 * Removes Teams @mentions (`<at>AI Posture Bot</at>`) and other HTML tags, then decodes the few entities Teams
 * sends. Mentions go first and entirely: their text is a name, never part of the question.
 */
export function stripMentions(text: string): string {
  return text
    .replace(/<at\b[^>]*>.*?<\/at>/gis, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(?:nbsp|amp|lt|gt|quot|apos|#39);/g, (e) => ENTITIES[e] ?? e)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Lower case, plain quotes and dashes, punctuation turned into spaces (hyphens, dots and commas inside words
 * and numbers are kept: resource names and "4,000"), whitespace collapsed.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/(^|\s)[-.,]+|[-.,]+(?=\s|$)/g, '$1 ')
    .replace(/[^a-z0-9'\-.,>+/%:\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
