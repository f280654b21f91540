import type { Clock } from '../domain/ports';
import type { AnchorStore } from '../domain/triage/ports';
import type { StoredAnchor } from '../domain/triage/register-check';
import { log } from '../log';
import type { DecisionRegister, VerifyResult } from '../store/register';

export type AnchorOutcome =
  | { status: 'anchored' | 'unchanged'; anchor: StoredAnchor; warnings: string[] }
  | { status: 'empty'; warnings: string[] }
  /** The rows since the last anchor do not fit it: anchoring now would bless a tampered register. */
  | { status: 'refused'; result: VerifyResult; warnings: string[] };

/**
 * Keeps the register's head outside the database: `anchor()` appends the current head to the anchor store (on a
 * schedule and on `audit anchor`), `verify()` checks the whole chain against every anchor. Before anchoring, the
 * rows since the latest anchor are checked against it, so a head is only anchored when it extends the history
 * already anchored.
 */
export class RegisterAnchoring {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly deps: { register: DecisionRegister; store: AnchorStore; clock: Clock }) {}

  get location(): string {
    return this.deps.store.location;
  }

  async anchor(): Promise<AnchorOutcome> {
    const { register, store, clock } = this.deps;
    const warnings = await store.warnings();
    const { anchors } = await store.list();
    const latest = anchors.reduce<StoredAnchor | undefined>((a, b) => (!a || b.seq > a.seq || (b.seq === a.seq && b.at > a.at) ? b : a), undefined);
    const result = await register.verify({ fromSeq: latest?.seq ?? 1, anchors: latest ? [latest] : [], anchorLocation: store.location });
    if (!result.ok) return { status: 'refused', result, warnings };
    if (result.headSeq === 0) return { status: 'empty', warnings };
    if (latest && latest.seq === result.headSeq && latest.hash === result.head) return { status: 'unchanged', anchor: latest, warnings };
    const anchor = { seq: result.headSeq, hash: result.head, at: clock.now().toISOString() };
    const { id } = await store.append(anchor);
    return { status: 'anchored', anchor: { ...anchor, id }, warnings };
  }

  /** The whole chain, held against every anchor in the store. */
  async verify(): Promise<VerifyResult & { warnings: string[] }> {
    const { register, store } = this.deps;
    const [warnings, { anchors, unreadable }] = await Promise.all([store.warnings(), store.list()]);
    const result = await register.verify({ anchors, anchorLocation: store.location, anchorStoreProblems: unreadable });
    return { ...result, warnings };
  }

  /** Anchors now and then every `intervalMs`; a failure is logged and tried again at the next tick. */
  start(intervalMs: number): void {
    const tick = () => {
      if (this.running) return;
      this.running = this.anchor()
        .then((outcome) => report(outcome, this.location))
        .catch((err) => log().error({ err, store: this.location }, 'register anchoring failed; will retry'))
        .finally(() => (this.running = undefined));
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}

function report(outcome: AnchorOutcome, store: string): void {
  for (const warning of outcome.warnings) log().warn({ store }, warning);
  if (outcome.status === 'anchored') log().info({ store, seq: outcome.anchor.seq, id: outcome.anchor.id }, 'register head anchored');
  if (outcome.status === 'refused') log().error({ store, problems: outcome.result.problems.map((p) => p.message) }, 'register NOT anchored: it contradicts its last anchor; run audit verify');
}
