import type { Finding } from '../domain/finding';
import type { FindingCards } from '../domain/ports';
import { log } from '../log';
import type { ConversationStore } from '../store/conversations';
import type { Db } from '../store/database';
import { FindingStore } from '../store/findings';
import { CardStore } from '../store/notify-cards';
import { NotifyConversationStore } from '../store/notify-conversations';
import { OutboxStore } from '../store/outbox';
import { SubscriptionStore } from '../store/subscriptions';
import { WatermarkStore } from '../store/watermarks';
import type { FindingFeed } from './feed';
import { ingestKind, queueRedraws, type IngestResult } from './ingest';
import { CardRenderer } from './render';
import { OutboxSender } from './sender';
import type { NotifySettings } from './settings';
import { FINDING_KINDS } from './subscription';
import { parseSubscriptionCommand } from './subscription-command';
import type { CardTransport } from './transport';

export interface PipelineOptions {
  db: Db;
  conversations: ConversationStore;
  feed: FindingFeed;
  scope: string;
  transport: CardTransport;
  settings: NotifySettings;
  now: () => Date;
  crash?: (point: string) => void;
}

/**
 * Ingest → outbox → sender, plus what Teams listeners and other features need from it: conversation
 * lifecycle, subscriptions, delivery status and FindingCards.refresh.
 */
export class NotificationPipeline implements FindingCards {
  readonly findings: FindingStore;
  readonly outbox: OutboxStore;
  readonly cards: CardStore;
  readonly subscriptions: SubscriptionStore;
  readonly notifyConversations: NotifyConversationStore;
  readonly renderer: CardRenderer;
  readonly sender: OutboxSender;
  private readonly watermarks: WatermarkStore;
  private timer?: NodeJS.Timeout;
  private ingesting?: Promise<IngestResult[]>;

  constructor(private readonly o: PipelineOptions) {
    this.findings = new FindingStore(o.db);
    this.outbox = new OutboxStore(o.db);
    this.cards = new CardStore(o.db);
    this.subscriptions = new SubscriptionStore(o.db);
    this.notifyConversations = new NotifyConversationStore(o.db);
    this.watermarks = new WatermarkStore(o.db);
    this.renderer = new CardRenderer(this.cards, this.findings);
    this.sender = new OutboxSender({
      db: o.db,
      outbox: this.outbox,
      cards: this.cards,
      conversations: o.conversations,
      notifyConversations: this.notifyConversations,
      transport: o.transport,
      renderer: this.renderer,
      settings: o.settings,
      crash: o.crash,
    });
  }

  /**
   * Recovers the outbox, takes the first snapshot (a silent baseline on a new scope), then polls. A first read
   * that fails (Resource Graph down at start-up) is logged and retried by the next poll: the bot still starts.
   */
  async start(): Promise<void> {
    await this.sender.recover();
    await this.ingestAll().catch((err) => log().error({ err }, 'first notification poll failed: retrying at the next poll'));
    this.sender.wake();
    this.timer = setInterval(() => {
      this.pollOnce().catch((err) => log().error({ err }, 'notification poll failed'));
    }, this.o.settings.pollIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.ingesting?.catch(() => undefined);
    await this.sender.stop();
  }

  /** One poll of every kind, then a drain. Concurrent calls share the running ingest. */
  async pollOnce(): Promise<void> {
    await this.ingestAll();
    await this.sender.drain();
  }

  ingestAll(): Promise<IngestResult[]> {
    if (!this.ingesting) {
      this.ingesting = (async () => {
        const deps = { ...this.o, findings: this.findings, watermarks: this.watermarks, cards: this.cards, outbox: this.outbox, subscriptions: this.subscriptions, notifyConversations: this.notifyConversations };
        const out: IngestResult[] = [];
        for (const kind of FINDING_KINDS) out.push(await ingestKind(deps, kind, this.o.now()));
        return out;
      })().finally(() => (this.ingesting = undefined));
    }
    return this.ingesting;
  }

  /** FindingCards: redraw every posted card of a finding (through the outbox: rate limits and retries apply). */
  async refresh(tenantId: string, findingKey: string): Promise<void> {
    await queueRedraws(this, tenantId, findingKey, new Date());
    await this.sender.drain();
  }

  async deliver(conversation: { tenantId: string; conversationId: string }, finding: Finding): Promise<void> {
    const now = this.o.now();
    const { tenantId, conversationId } = conversation;
    const groupKey = `delivered:${finding.key}`;
    await this.o.db.transaction().execute(async (tx) => {
      // Delivered once per conversation: asking again (a second approval round) updates the same card.
      const existing = await this.cards.latest(tenantId, conversationId, groupKey, tx);
      const cardId = existing?.id ?? (await this.cards.create({ tenantId, conversationId, type: 'finding', groupKey, zone: finding.resource.zone, openedAt: now }, now, tx));
      if (!existing) await this.cards.addFinding(cardId, conversationId, finding, now, tx);
      await this.outbox.enqueue({ tenantId, conversationId, cardId, op: existing ? 'update' : 'post' }, now, tx);
    });
    await this.sender.drain();
  }

  /** A conversation was (re)installed: remember its user, apply default subscriptions once, reach it again. */
  async conversationInstalled(c: { tenantId: string; conversationId: string; user?: { aadObjectId?: string; upn?: string } }): Promise<void> {
    const now = this.o.now();
    await this.notifyConversations.setUser(c.tenantId, c.conversationId, c.user ?? {});
    await this.notifyConversations.clearUnreachable(c.tenantId, c.conversationId);
    const parsed = this.o.settings.defaultSubscription ? parseSubscriptionCommand(this.o.settings.defaultSubscription) : undefined;
    if (parsed?.ok && parsed.command.action === 'subscribe' && (await this.notifyConversations.claimDefaults(c.tenantId, c.conversationId, now))) {
      await this.subscriptions.add({ tenantId: c.tenantId, conversationId: c.conversationId, spec: parsed.command.spec, createdBy: 'default configuration' }, now);
    }
    this.sender.wake();
  }

  /** Uninstalled or removed: forget subscriptions, cards and state, and drop whatever was still waiting. */
  async conversationRemoved(tenantId: string, conversationId: string): Promise<number> {
    const now = this.o.now();
    const dropped = await this.o.db.transaction().execute(async (tx) => {
      const n = await this.outbox.dropConversation(tenantId, conversationId, 'the bot was removed from this conversation', now, tx);
      await this.subscriptions.removeConversation(tenantId, conversationId, tx);
      await this.notifyConversations.remove(tenantId, conversationId, tx);
      await this.cards.removeConversation(tenantId, conversationId, tx);
      return n;
    });
    log().info({ conversationId, droppedNotifications: dropped }, 'conversation removed: pending notifications dropped');
    return dropped;
  }
}
