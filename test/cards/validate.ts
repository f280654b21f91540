// adaptivecards' package main is ESM with extensionless imports that Node cannot load; the UMD build works.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');

/**
 * Parses a card with the Adaptive Cards object model and returns every problem it reports: unknown
 * element or action types, bad enum values, duplicate ids, inputs without ids.
 */
export function validateCard(card: object): string[] {
  const context = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const problems: string[] = teamsOnlyWithoutFallback(card);
  for (let i = 0; i < context.eventCount; i++) {
    const message: string = context.getEventAt(i).message;
    if (!TEAMS_ONLY_UNKNOWN.test(message)) problems.push(message);
  }
  for (const e of parsed.validateProperties().validationEvents) problems.push(e.message);
  return problems;
}

/**
 * Teams renders charts and CodeBlock; the Adaptive Cards SDK does not know them. They pass here only with a
 * `fallback` (the Playground drops CodeBlock and hides its container without one: shared/PLAYGROUND.md).
 */
const TEAMS_ONLY = /^(?:Chart\.[A-Za-z.]+|CodeBlock)$/;
const TEAMS_ONLY_UNKNOWN = /^Unknown element type "(?:Chart\.[A-Za-z.]+|CodeBlock)"\. Fallback will be used if present\.$/;

function teamsOnlyWithoutFallback(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(teamsOnlyWithoutFallback);
  if (!node || typeof node !== 'object') return [];
  const element = node as Record<string, unknown>;
  const own = typeof element.type === 'string' && TEAMS_ONLY.test(element.type) && !element.fallback ? [`${element.type} needs a fallback`] : [];
  return [...own, ...Object.values(element).flatMap(teamsOnlyWithoutFallback)];
}
