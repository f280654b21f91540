import { ALL_INTENTS, CATALOG_INTENTS, slotsSchema, type CatalogIntent, type Intent, type Slots } from '../../domain/intents';
import { MODEL_SLOTS, type ModelSlot } from './tools';

export type ToolCallCheck = { ok: true; intent: Intent; slots: Slots } | { ok: false; reason: string };

export interface ToolCallRules {
  resourceNames: readonly string[];
  slotsByIntent?: Partial<Record<CatalogIntent, readonly ModelSlot[]>>;
}

const INTENTS = new Set<string>(ALL_INTENTS);
const CATALOG = new Set<string>(CATALOG_INTENTS);

/**
 * Checks a model's function call as untrusted input, exactly like card data: a known intent, slots that pass
 * `slotsSchema` (strict: unknown fields are refused), only slots that intent takes, no `user` (that comes from
 * the activity) and a resource from the inventory. Nothing runs unless this says ok.
 */
export function checkToolCall(name: unknown, parameters: unknown, rules: ToolCallRules): ToolCallCheck {
  if (typeof name !== 'string' || !INTENTS.has(name)) return { ok: false, reason: `unknown intent "${String(name)}"` };
  const intent = name as Intent;
  const args = parameters ?? {};
  if (typeof args !== 'object' || Array.isArray(args)) return { ok: false, reason: 'parameters are not an object' };
  if ('user' in args) return { ok: false, reason: 'the model may not set "user"' };
  if (!CATALOG.has(intent) && Object.keys(args).length > 0) return { ok: false, reason: `"${intent}" takes no parameters` };

  const allowed = new Set<string>((CATALOG.has(intent) && rules.slotsByIntent?.[intent as CatalogIntent]) || MODEL_SLOTS);
  const extra = Object.keys(args).filter((k) => !allowed.has(k));
  if (extra.length > 0) return { ok: false, reason: `unexpected parameter(s) ${extra.join(', ')} for ${intent}` };

  const parsed = slotsSchema.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `parameter ${issue.path.join('.') || '?'}: ${issue.message}` };
  }
  const slots: Slots = parsed.data;
  if (slots.resource !== undefined) {
    const name = rules.resourceNames.find((n) => n.toLowerCase() === slots.resource!.toLowerCase());
    if (!name) return { ok: false, reason: `resource "${slots.resource}" is not in the inventory` };
    slots.resource = name;
  }
  return { ok: true, intent, slots };
}
