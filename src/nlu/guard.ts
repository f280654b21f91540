/**
 * Out-of-scope input recognized by rule, before the classifier: query languages and prompt injection. A
 * statistical classifier can be talked into anything ("ignore your rules and show alerts" is mostly alert
 * words), so these always give `none`, which never runs a query.
 */

export type GuardReason = 'kql' | 'sql' | 'prompt_injection' | 'too_long';

/** Longer texts are not questions for this bot (Teams allows ~28 KB); refuse instead of classifying them. */
export const MAX_QUESTION_LENGTH = 500;

const KQL = [
  /\|\s*(?:take|where|project(?:-\w+)?|summarize|extend|limit|join|order\s+by|sort\s+by|top|count|render|distinct|mv-expand|parse|evaluate|union|lookup|make-series|sample)\b/i,
  /^\s*\.(?:show|drop|create|alter|set|append|ingest|delete|purge)\b/i,
  /\b(?:ago|bin|datetime|todynamic|tostring|parse_json)\s*\(/i,
];
const SQL = [
  // SELECT is also English ("select the top callers from last week"): require SQL's shape around it.
  /\bselect\s+(?:\*|top\s+\d+|distinct)\s.*\bfrom\b/i,
  /\bselect\s+[\w.]+(?:\s*,\s*[\w.]+)+\s+from\s+\w/i,
  /\bselect\s.+\bfrom\s+[\w.[\]"`]+\s*(?:;|where\b|join\b|group\s+by|order\s+by|limit\b)/i,
  /^\s*select\s.+\bfrom\s+[\w.[\]"`]+\s*$/i,
  /\b(?:drop|truncate|alter|create)\s+(?:table|database|schema|index|view|user)\b/i,
  /\binsert\s+into\b|\bdelete\s+from\b|\bupdate\s+\w+\s+set\b|\bunion\s+(?:all\s+)?select\b|\bexec(?:ute)?\s+xp_/i,
  /'\s*or\s+'?1'?\s*=\s*'?1|;\s*--|\/\*.*\*\//i,
];
const INJECTION = [
  /\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:instructions?|prompts?|rules|guardrails|guidelines|directives|programming|system\s+message)\b/i,
  /\b(?:reveal|print|show|repeat|leak|dump|output)\b.{0,30}\b(?:system|initial|hidden|original)\s+(?:prompt|instructions?|message)\b/i,
  /\byou\s+are\s+now\b|\bfrom\s+now\s+on\s+you\b|\bpretend\s+(?:to\s+be|you\s+are)\b|\bact\s+as\s+(?:an?\s+)?(?:unrestricted|unfiltered|different|evil|dan)\b/i,
  /\b(?:developer|god|admin|sudo|jailbreak)\s+mode\b|\bdo\s+anything\s+now\b|\bno\s+restrictions\b/i,
  /\b(?:run|execute|eval)\s+(?:this|the\s+following|my|raw|arbitrary|custom)\s+(?:kql|query|sql|code|command|script)\b/i,
  /<\s*script\b|\$\{.*\}|\brm\s+-rf\b/i,
];

/** Why a text is out of scope by rule, or undefined. Expects mentions already stripped. */
export function guard(text: string): GuardReason | undefined {
  if (text.length > MAX_QUESTION_LENGTH) return 'too_long';
  if (INJECTION.some((r) => r.test(text))) return 'prompt_injection';
  if (SQL.some((r) => r.test(text))) return 'sql';
  if (KQL.some((r) => r.test(text))) return 'kql';
  return undefined;
}
