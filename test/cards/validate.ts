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
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) problems.push(e.message);
  return problems;
}
