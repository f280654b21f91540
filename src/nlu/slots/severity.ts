/** Severity: "high", "sev high", "high-severity", "crit", "severity: critical", "sev1". */

type Severity = 'low' | 'medium' | 'high' | 'critical';

const RANK: Severity[] = ['low', 'medium', 'high', 'critical'];
const WORDS: Record<string, Severity> = { low: 'low', medium: 'medium', med: 'medium', moderate: 'medium', high: 'high', critical: 'critical', crit: 'critical' };
// Incident-style numbers: sev1 is the worst.
const NUMBERS: Record<string, Severity> = { '1': 'critical', '2': 'high', '3': 'medium', '4': 'low' };
const SEV = '(low|medium|med|moderate|high|critical|crit)';
const NOUN = '(?:alerts?|findings?|recommendations?|recs?|issues?|items?|ones|incidents?|paths?|detections?|vulns?|vulnerabilit(?:y|ies)|risks?|threats?|assessments?|problems?|events?|exposures?|misconfigurations?)';
// Words that may sit between the severity and its noun ("critical zone 3 openai alerts") ...
const FILLER = "(?:and|or|&|low|medium|high|critical|crit|open|new|active|unresolved|outstanding|overdue|unhealthy|ai|defender|security|threat|zone|z[123]|[123]|openai|azure|ml|search|foundry|cognitive|services?|attack|jailbreak|prompt|injection|posture|'s)";

const PATTERNS: RegExp[] = [
  new RegExp(`\\bsev(?:erity)?\\s*(?:[:=]|is|of|at|level|-)?\\s*${SEV}\\b`, 'g'),
  new RegExp(`\\b${SEV}\\s*-?\\s*(?:sev(?:erity)?|priority|risk|impact)\\b`, 'g'),
  new RegExp(`\\b${SEV}\\s+(?:${FILLER}\\s+){0,3}${NOUN}\\b`, 'g'),
  new RegExp(`\\b(?:anything|everything|something|only|just|rated|marked)\\s+${SEV}\\b`, 'g'),
  new RegExp(`\\b${SEV}\\s*(?:\\+|and above|or above|and up|or higher|or worse)`, 'g'),
];
const NUMBERED = /\bsev(?:erity)?\s*-?\s*([1-4])\b/g;

/**
 * The severity a text names, or undefined. A bare "high" counts only as a severity (next to "severity", or
 * before a finding-like noun), so "high volume callers" has none. Several severities ("high and critical")
 * give the lowest, read as a floor.
 */
export function parseSeverity(text: string): Severity | undefined {
  const found: Severity[] = [];
  const lower = text.toLowerCase();
  for (const pattern of PATTERNS) for (const m of lower.matchAll(pattern)) found.push(WORDS[m[1]]);
  for (const m of lower.matchAll(NUMBERED)) found.push(NUMBERS[m[1]]);
  if (found.length === 0) return undefined;
  return RANK[Math.min(...found.map((s) => RANK.indexOf(s)))];
}
