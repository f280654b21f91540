/** Alert family (keys of ALERT_TYPE_FAMILIES) from how people name Defender for AI alerts. */
import type { AlertTypeFamily } from '../../domain/intents';

const PATTERNS: [AlertTypeFamily, RegExp][] = [
  ['jailbreak', /\bjail\s?-?br[ea]a?ke?s?\b|\bjailbr\w*|\bprompt\s+(?:injections?|attacks?)\b|\binjection\s+attempts?\b|\bascii\s+smuggling\b|\bsmuggling\b|\bcontent[\s-]+filter(?:ing)?\s+bypass|\bbypass(?:ing)?\s+(?:the\s+)?(?:safety|content)[\s-]+filters?/],
  ['credential_theft', /\bcred(?:ential)?s?\s+(?:theft|leaks?|leakage|exposure|stealing|harvesting|dumping)\b|\b(?:steal(?:ing)?|leaked|exposed|stolen)\s+(?:credentials|creds|secrets|passwords|keys|tokens)\b|\b(?:secrets?|passwords?|credentials?)\s+(?:in|inside)\s+(?:the\s+)?prompts?\b|\bcredential\s+theft\b/],
  ['sensitive_data', /\bsensitive\s+(?:data|information|info)\b|\bpii\b|\bpersonal\s+data\b|\bdata\s+(?:leaks?|leakage|exposure)\b/],
  ['suspicious_ip', /\bsuspicious\s+(?:ips?|ip\s+address(?:es)?|addresses|user[\s-]?agents?|locations?)\b|\btor\b|\banonymi[sz](?:ed|ing)\s+(?:ips?|proxies|networks?|addresses)\b|\banonymous\s+ips?\b|\bmalicious\s+ips?\b|\buser[\s-]?agents?\b/],
  ['wallet_attack', /\bdenial[\s-]+of[\s-]+wallet\b|\bwallet\b|\bdow\b|\bvolume\s+anomal(?:y|ies)\s+alerts?\b|\bduplicate\s+requests?\b/],
  ['phishing', /\bphish(?:ing|y)?\b|\bmalicious\s+(?:urls?|links?|domains?)\b|\bbad\s+(?:urls?|links?)\b/],
  ['access_anomaly', /\baccess\s+anomal(?:y|ies)\b|\banomalous\s+(?:access|operations?|tool)\b|\btool\s+invocations?\b|\bunusual\s+access\b|\binitial\s+access\b/],
];

/** The first alert family a text names (by position), or undefined. */
export function parseAlertType(text: string): AlertTypeFamily | undefined {
  const lower = text.toLowerCase();
  let best: { type: AlertTypeFamily; at: number } | undefined;
  for (const [type, pattern] of PATTERNS) {
    const m = pattern.exec(lower);
    if (m && (!best || m.index < best.at)) best = { type, at: m.index };
  }
  return best?.type;
}
