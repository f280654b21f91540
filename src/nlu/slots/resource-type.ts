/** Resource type: Azure OpenAI, AI Services (Cognitive Services), ML workspace, AI Search, AI Foundry. */

type ResourceType = 'openai' | 'ai_services' | 'ml_workspace' | 'ai_search' | 'ai_foundry';

const PATTERNS: [ResourceType, RegExp][] = [
  ['openai', /\b(?:azure\s+)?open\s?-?ai\b|\baoai\b/],
  // "Defender for AI Services" is the plan's name, not a resource type.
  ['ai_services', /\bcognitive\s+services?\b|\bcog\s?svcs?\b|\bai\s?svcs?\b|(?<!defender for )\b(?:azure\s+)?ai\s+services?\b/],
  ['ml_workspace', /\bazure\s+ml\b|\bmachine\s+learning\b|\bml\s+workspaces?\b|(?<![/-])\bml\b(?![/-])/],
  // "search" is also a verb: only as a noun ("AI Search", "search services", "alerts on search").
  [
    'ai_search',
    /\b(?:ai|cognitive|azure)\s+search\b|\bsearch\s+(?:services?|resources?|indexe?s|indices|instances?|accounts?)\b|(?<!^|you |to |please |pls |and |i |we |can |could |just )\bsearch\b(?!\s+(?:for|through|the|my|our|logs?|by|across|all)\b)/,
  ],
  ['ai_foundry', /\b(?:azure\s+)?(?:ai\s+)?foundry\b|\bai\s+studio\b/],
];

/** The first resource type a text names (by position), or undefined. */
export function parseResourceType(text: string): ResourceType | undefined {
  const lower = text.toLowerCase();
  let best: { type: ResourceType; at: number } | undefined;
  for (const [type, pattern] of PATTERNS) {
    const m = pattern.exec(lower);
    if (m && (!best || m.index < best.at)) best = { type, at: m.index };
  }
  return best?.type;
}
