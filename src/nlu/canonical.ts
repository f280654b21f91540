/**
 * Rewrites abbreviations and shorthand into the words the classifier was trained on ("z3" → "zone 3",
 * "sev" → "severity", "7d" → "7 days"). Only for classification: slot parsers read the original forms.
 */

const REWRITES: [RegExp, string][] = [
  [/\bz(?:one)?-?([123])\b/g, 'zone $1'],
  [/\bsev(?=\b|\d)/g, 'severity '],
  [/\bcrit\b/g, 'critical'],
  [/\brecs?\b|\breccos?\b/g, 'recommendations'],
  [/\bvulns?\b/g, 'vulnerabilities'],
  [/\b(\d+)\s?d\b/g, '$1 days'],
  [/\b(\d+)\s?(?:h|hrs?)\b/g, '$1 hours'],
  [/\b(\d+)\s?(?:w|wks?)\b/g, '$1 weeks'],
  [/\b(\d+)\s?mos?\b/g, '$1 months'],
  [/\b(\d+)k\b/g, '$1000'],
  [/\b(\d{1,3}),(\d{3})\b/g, '$1$2'],
  [/\baoai\b/g, 'azure openai'],
  [/\bopen ai\b/g, 'openai'],
  [/\bmrc\b/g, 'model risk committee'],
  [/\bexec\b/g, 'executive'],
  [/\bdow\b/g, 'denial of wallet'],
  [/\bsign-?ins?\b|\bsignins?\b/g, 'signin'],
  [/\blog-?ins?\b|\blogins?\b/g, 'login'],
  [/\bpls\b|\bplz\b/g, 'please'],
  [/\bu\b/g, 'you'],
  [/\bwhats\b/g, 'what is'],
  [/\bexfil\b/g, 'exfiltration'],
  [/\bw\/o\b/g, 'without'],
  [/\bw\//g, 'with '],
];

// Wrappers that carry no intent ("Hi, could you please …"). Only removed when a question remains, so a bare
// "hello" still reaches the classifier (as small talk).
const WRAPPERS: RegExp[] = [
  /^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|greetings)(?: there| team| all| bot)?\b[!.]?\s+/,
  /^(?:quick (?:one|question)|question|sorry)\b[:\s-]*/,
  /^(?:could|can|would|will) you (?:please |kindly |pls )?(?:be able to )?/,
  /^(?:i'd|i would) like (?:to (?:see|know|get|have) )?/,
  /^(?:please|kindly|pls)\s+/,
  /\s+(?:please|pls|thanks|thank you)$/,
];

function unwrap(text: string): string {
  let out = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const pattern of WRAPPERS) {
      const next = out.replace(pattern, '').trim();
      if (next !== out && next.split(' ').length >= 2) {
        out = next;
        changed = true;
      }
    }
  }
  return out;
}

export function canonicalize(normalized: string): string {
  let text = normalized;
  for (const [pattern, replacement] of REWRITES) text = text.replace(pattern, replacement);
  return unwrap(text.replace(/\s+/g, ' ').trim());
}
