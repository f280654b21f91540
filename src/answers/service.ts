/** The question pipeline: understand → help / none / "Did you mean…" → catalog query (cached) → answer card. */
import { helpCard, outOfScopeCard } from '../cards/help-card';
import type { AdaptiveCard } from '../cards/render';
import type { ClaimedFindings } from '../domain/claims';
import { CATALOG_INTENTS, type CatalogIntent, type Intent, type Slots } from '../domain/intents';
import { DataUnavailableError, type Clock, type QueryRunner } from '../domain/ports';
import { log } from '../log';
import { MAX_QUESTION_LENGTH, type Understanding } from '../nlu';
import { inventoryFromResult, runCatalogQuery, selectsResources, SlotError, usesScope, type Catalog, type CatalogAnswer, type ScopeResource } from '../queries';
import { answerCard } from './answer-card';
import { stableKey, TtlCache } from './cache';
import { CLAIMS_SOURCE_NOTE, mergeClaims } from './claims';
import { didYouMeanCard } from './did-you-mean-card';
import { portalLink, type PortalSettings } from './portal';
import { slotSummary } from './slot-summary';
import type { Understander } from './understander';

export interface Asker {
  /** The asking user's UPN (or Entra object id), resolved only when a question needs it (my_queue). */
  user?: () => Promise<string | undefined>;
  /** The asker's Teams tenant, when known (which findings tenant their claims live in; see `claims.tenantOf`). */
  tenantId?: string;
}

export type Reply = { kind: 'card'; card: AdaptiveCard; intent: Intent } | { kind: 'text'; text: string };

export interface Executed {
  answer: CatalogAnswer;
  ranAt: Date;
  /** Slots the question gave that this catalog query cannot filter by, in words. */
  notes: string[];
  /** Where rows other than the query's come from (my_queue with Teams claims), one short line. */
  sourceNote?: string;
}

export interface AnswerServiceOptions {
  understander: Understander;
  runner: QueryRunner;
  catalog: Catalog;
  zoneTag: string;
  portal: PortalSettings;
  /** Said after the source on every card, e.g. "simulated Contoso Bank tenant". */
  dataLabel?: string;
  clock: Clock;
  /** How long an answer is reused for the same (intent, slots); default 30 s. */
  cacheTtlMs?: number;
  /**
   * my_queue also lists what the asker owns through Teams claims (the bot's decision store). Without it (the
   * `ask` CLI has no store) my_queue shows Defender's governance assignments only.
   */
  claims?: { findings: ClaimedFindings; tenantOf: (teamsTenantId: string | undefined) => string };
}

const CATALOG = new Set<string>(CATALOG_INTENTS);
const OUT_OF_SCOPE = "That is outside what I can help with: I answer questions about the AI security posture in Defender for Cloud. Try one of these, or type help.";

export class AnswerService {
  private readonly cache: TtlCache<{ answer: CatalogAnswer; ranAt: Date }>;

  constructor(private readonly options: AnswerServiceOptions) {
    this.cache = new TtlCache(options.cacheTtlMs ?? 30_000, () => options.clock.now().getTime());
  }

  /** Intent and slots for a question; `slots.user` is set (from the asker, never the text) for my_queue. */
  async understand(text: string, asker: Asker = {}): Promise<Understanding> {
    const u = await this.options.understander.understand(text);
    if (u.intent !== 'my_queue') return u;
    const user = await asker.user?.();
    return user ? { ...u, slots: { ...u.slots, user } } : u;
  }

  /**
   * Runs every catalog query that needs no user once, with its default slots, and keeps the answers in the cache:
   * the first questions after start-up then skip the parser's one-time set-up and the first compilations.
   * Only for the local engine: against Azure this would be a burst of real queries at every start.
   */
  async warmUp(): Promise<void> {
    for (const [intent, query] of this.options.catalog) {
      if (query.slots.some((s) => s.required)) continue;
      await this.execute(intent, {}).catch((err) => log().warn({ err, intent }, 'warm-up query failed'));
    }
  }

  /** Answers a typed (or clicked) question. */
  async ask(question: string, asker: Asker = {}): Promise<Reply> {
    const text = question.trim();
    if (text.length > MAX_QUESTION_LENGTH) return { kind: 'text', text: `That message is ${text.length} characters long; please ask in under ${MAX_QUESTION_LENGTH}.` };
    const u = await this.understand(text, asker);
    if (u.intent === 'help') return { kind: 'card', card: helpCard(), intent: 'help' };
    if (u.intent === 'none') return { kind: 'card', card: outOfScopeCard(OUT_OF_SCOPE), intent: 'none' };
    if (u.lowConfidence) {
      const choices = u.alternatives
        .filter((a): a is { intent: CatalogIntent; confidence: number } => CATALOG.has(a.intent))
        .map((a) => ({ intent: a.intent, title: this.options.catalog.get(a.intent)!.title }));
      if (choices.length > 0) return { kind: 'card', card: didYouMeanCard(text, choices, u.slots), intent: u.intent };
      return { kind: 'card', card: helpCard(`I did not understand "${text.slice(0, 120)}". Here is what I can answer.`), intent: 'help' };
    }
    return this.answer(u.intent as CatalogIntent, u.slots, 0, asker);
  }

  /** Runs one catalog intent (a typed question, a "Did you mean" button or "Show more") and renders its card. */
  async answer(intent: CatalogIntent, slots: Slots, page: number, asker: Asker = {}): Promise<Reply> {
    let askedSlots = slots;
    if (intent === 'my_queue') {
      const user = slots.user ?? (await asker.user?.());
      if (!user) return { kind: 'text', text: 'I could not tell who you are, so I cannot show what is assigned to you.' };
      askedSlots = { ...slots, user };
    }
    try {
      const { answer, ranAt, notes, sourceNote } = await this.execute(intent, askedSlots, asker);
      const source = answer.query.source === 'logs' ? 'Log Analytics' : 'Resource Graph';
      const card = answerCard({
        answer,
        page,
        ranAt,
        notes,
        sourceNote,
        sourceLabel: this.options.dataLabel ? `${source} · ${this.options.dataLabel}` : source,
        portal: portalLink(answer.query.source, answer.text, this.options.portal),
      });
      return { kind: 'card', card, intent };
    } catch (err) {
      if (err instanceof DataUnavailableError) {
        log().warn({ err, intent, reason: err.reason }, 'answer: data source unavailable');
        return { kind: 'text', text: err.userMessage };
      }
      if (err instanceof SlotError) return { kind: 'text', text: `I cannot run that question: ${err.message}.` };
      throw err;
    }
  }

  /**
   * Binds and runs the catalog query for (intent, slots), reusing a result younger than the cache TTL. my_queue
   * then adds the asker's Teams claims, read fresh every time (a claim shows at once, not after the TTL).
   */
  async execute(intent: CatalogIntent, slots: Slots, asker: Asker = {}): Promise<Executed> {
    const query = this.options.catalog.get(intent);
    if (!query) throw new Error(`no catalog query for ${intent}`);
    const declared = new Set<string>(query.slots.map((s) => s.name));
    const applicable: Slots = {};
    const ignored: Slots = {};
    for (const [name, value] of Object.entries(slots)) Object.assign(declared.has(name) ? applicable : ignored, { [name]: value });
    const notes = Object.keys(ignored).length > 0 ? [`Not applied: ${slotSummary(ignored)} (${query.title.toLowerCase()} cannot be filtered that way).`] : [];

    const { answer, ranAt } = await this.cache.get(stableKey({ intent, ...applicable }), async () => {
      const scoped = usesScope(query) && selectsResources(applicable);
      const inventory = scoped ? await this.inventory() : undefined;
      const answer = await runCatalogQuery(this.options.runner, this.options.catalog, intent, applicable, { zoneTag: this.options.zoneTag, inventory });
      return { answer, ranAt: this.options.clock.now() };
    });
    if (intent !== 'my_queue') return { answer, ranAt, notes };
    const claims = this.options.claims;
    const user = answer.slots.user;
    if (!claims || typeof user !== 'string') return { answer: mergeClaims(answer, [], ranAt), ranAt, notes };
    const filters = { zone: answer.slots.zone, severity: answer.slots.severity };
    const owned = await claims.findings.forOwner(claims.tenantOf(asker.tenantId), user, filters);
    return { answer: mergeClaims(answer, owned, this.options.clock.now()), ranAt, notes, sourceNote: CLAIMS_SOURCE_NOTE };
  }

  /** The AI inventory that resolves zone/type/resource filters of Log Analytics queries (cached like any answer). */
  private async inventory(): Promise<ScopeResource[]> {
    const { answer } = await this.execute('inventory', {});
    return inventoryFromResult(answer.result);
  }
}
