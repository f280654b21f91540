/** Question → intent, confidence, alternatives and typed slots. */
import { ALL_INTENTS, slotsSchema, type Intent, type Slots } from '../domain/intents';
import { canonicalize } from './canonical';
import { guard } from './guard';
import type { NlpEngine } from './nlpjs';
import { maskResource } from './prepare';
import { CalendarParser } from './slots/calendar';
import { extractSlots } from './slots';
import { ResourceMatcher } from './slots/resource';
import { normalizeText, stripMentions } from './text';
import { trainClassifier } from './train';

/** Below this top score the bot asks "Did you mean…" with the alternatives (calibrated on test/nlu/heldout.jsonl). */
export const CONFIDENCE_THRESHOLD = 0.6;

export interface Understanding {
  intent: Intent;
  confidence: number;
  slots: Slots;
  /** Up to 3 intents with a score above zero, the chosen one first. */
  alternatives: { intent: Intent; confidence: number }[];
  lowConfidence: boolean;
}

export interface RecognizerOptions {
  /** Inventory resource names the `resource` slot is matched against. */
  resourceNames: readonly string[];
  now?: () => Date;
}

/** Who asks: `user` fills the slot of the same name for `my_queue` (never read from the text). */
export interface AskContext {
  user?: string;
}

const KNOWN = new Set<string>(ALL_INTENTS);

export class Recognizer {
  private constructor(
    private readonly nlp: NlpEngine,
    private readonly matcher: ResourceMatcher,
    private readonly calendar: CalendarParser,
    private readonly now: () => Date,
  ) {}

  static async create(options: RecognizerOptions): Promise<Recognizer> {
    const calendar = new CalendarParser();
    calendar.warmUp();
    const nlp = await trainClassifier();
    await nlp.process('en', 'show zone 3 alerts'); // JIT warm-up: the first question would take ~15 ms
    return new Recognizer(nlp, new ResourceMatcher(options.resourceNames), calendar, options.now ?? (() => new Date()));
  }

  /** The same trained classifier with another inventory (cheap: only the resource matcher is rebuilt). */
  withResourceNames(resourceNames: readonly string[]): Recognizer {
    return new Recognizer(this.nlp, new ResourceMatcher(resourceNames), this.calendar, this.now);
  }

  async understand(text: string, context: AskContext = {}): Promise<Understanding> {
    const stripped = stripMentions(text);
    if (stripped === '') return fixed('help');
    if (guard(stripped)) return fixed('none');

    const clean = normalizeText(stripped);
    if (clean === '') return fixed('help'); // "?" or only punctuation
    const resource = this.matcher.match(clean);
    const masked = maskResource(clean, resource);
    const { classifications } = await this.nlp.process('en', canonicalize(masked));
    const alternatives = rank(classifications);
    const { intent, confidence } = alternatives[0];

    let slots: Slots = {};
    if (intent !== 'none' && intent !== 'help') {
      slots = extractSlots(masked, { now: this.now(), calendar: this.calendar });
      if (resource) slots.resource = resource.name;
      if (intent === 'my_queue' && context.user) slots.user = context.user;
      slots = validSlots(slots);
    }
    return { intent, confidence, slots, alternatives, lowConfidence: confidence < CONFIDENCE_THRESHOLD };
  }
}

/** NLP.js scores → our intents, best first, top 3. Its own "None" (no known word) is our `none`. */
function rank(classifications: { intent: string; score: number }[]): { intent: Intent; confidence: number }[] {
  const scores = new Map<Intent, number>();
  for (const { intent, score } of classifications) {
    const id = (intent === 'None' ? 'none' : intent) as Intent;
    if (KNOWN.has(id)) scores.set(id, (scores.get(id) ?? 0) + score);
  }
  const ranked = [...scores.entries()]
    .map(([intent, confidence]) => ({ intent, confidence: round(confidence) }))
    .sort((a, b) => b.confidence - a.confidence || ALL_INTENTS.indexOf(a.intent) - ALL_INTENTS.indexOf(b.intent));
  if (ranked.length === 0 || ranked[0].confidence === 0) return [{ intent: 'none', confidence: 1 }];
  return ranked.filter((r, i) => i === 0 || r.confidence > 0).slice(0, 3);
}

/** Drops a slot the schema refuses (a resource name or user id over 200 characters) instead of failing. */
function validSlots(slots: Slots): Slots {
  const result = slotsSchema.safeParse(slots);
  if (result.success) return result.data;
  const bad = new Set(result.error.issues.map((i) => String(i.path[0])));
  return slotsSchema.parse(Object.fromEntries(Object.entries(slots).filter(([k]) => !bad.has(k))));
}

function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

function fixed(intent: Intent): Understanding {
  return { intent, confidence: 1, slots: {}, alternatives: [{ intent, confidence: 1 }], lowConfidence: false };
}
