import { findingCard } from '../cards/finding-card';
import type { AdaptiveCard } from '../cards/render';
import { stormCard } from '../cards/storm-card';
import type { Finding, TriageView } from '../domain/finding';
import type { Zone } from '../domain/zones';
import type { FindingStore } from '../store/findings';
import type { CardStore, PostedCard } from '../store/notify-cards';

/** Supplies the triage block of a finding card; the triage feature plugs in here. */
export interface TriageViewSource {
  viewOf(finding: Finding): Promise<TriageView | undefined>;
}

/** Draws a posted card from the findings' current state (so one send covers every change before it). */
export class CardRenderer {
  constructor(
    private readonly cards: CardStore,
    private readonly findings: FindingStore,
    private triage?: TriageViewSource,
  ) {}

  setTriageViewSource(source: TriageViewSource | undefined): void {
    this.triage = source;
  }

  async render(card: PostedCard): Promise<AdaptiveCard | undefined> {
    const keys = await this.cards.findingsOf(card.id);
    const found = await Promise.all(keys.map((k) => this.findings.get(k.tenantId, k.key)));
    const findings = found.filter((f): f is Finding => f !== undefined);
    if (findings.length === 0) return undefined;
    if (card.type === 'storm') return stormCard(card.zone as Zone, findings, card.openedAt);
    // A group shares the triage block of its most recent alert (the one its buttons act on).
    const lead = [...findings].sort((a, b) => a.lastSeen.getTime() - b.lastSeen.getTime()).pop()!;
    return findingCard(findings, await this.triage?.viewOf(lead));
  }
}
