/** Card button data is user-controllable: every field is validated before anything runs. */
import { z } from 'zod';
import { CATALOG_INTENTS, slotsSchema, type CatalogIntent, type Slots } from '../domain/intents';

const runIntentSchema = z.object({
  intent: z.enum(CATALOG_INTENTS),
  // `user` never travels in card data: it is always the clicking user.
  slots: slotsSchema.refine((s) => s.user === undefined, 'user is not accepted from a card').default({}),
});
const pageSchema = runIntentSchema.extend({ page: z.number().int().min(0).max(10_000) });

export type VerbData = { ok: true; intent: CatalogIntent; slots: Slots; page: number } | { ok: false; problem: string };

function parse(schema: typeof runIntentSchema | typeof pageSchema, data: unknown): VerbData {
  const result = schema.safeParse(data ?? {});
  if (result.success) return { ok: true, intent: result.data.intent, slots: result.data.slots, page: 'page' in result.data ? (result.data.page as number) : 0 };
  const issue = result.error.issues[0]!;
  return { ok: false, problem: `${issue.path.join('.') || 'data'}: ${issue.message}` };
}

/** `run_intent` ("Did you mean" buttons): {intent, slots}. */
export const parseRunIntent = (data: unknown): VerbData => parse(runIntentSchema, data);
/** `answer_page` ("Show more"): {intent, slots, page}. */
export const parseAnswerPage = (data: unknown): VerbData => parse(pageSchema, data);
