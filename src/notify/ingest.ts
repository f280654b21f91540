import type { Finding, FindingKind } from '../domain/finding';
import { log } from '../log';
import type { ConversationStore } from '../store/conversations';
import type { Db } from '../store/database';
import type { Executor } from '../store/executor';
import type { FindingStore } from '../store/findings';
import type { CardStore, PostedCard } from '../store/notify-cards';
import type { NotifyConversationStore } from '../store/notify-conversations';
import type { OutboxStore } from '../store/outbox';
import type { SubscriptionStore } from '../store/subscriptions';
import type { WatermarkStore } from '../store/watermarks';
import { announces, detectChange } from './changes';
import type { FindingFeed } from './feed';
import { groupBase, groupIsOpen, isStorm, stormBase } from './grouping';
import { routeFinding, type Route, type RoutingTables } from './routing';
import type { NotifySettings } from './settings';

export interface IngestDeps {
  db: Db;
  feed: FindingFeed;
  /** Watermarks are kept per feed scope: a regenerated simulated tenant starts from a fresh baseline. */
  scope: string;
  findings: FindingStore;
  watermarks: WatermarkStore;
  cards: CardStore;
  outbox: OutboxStore;
  subscriptions: SubscriptionStore;
  notifyConversations: NotifyConversationStore;
  conversations: ConversationStore;
  settings: NotifySettings;
}

export interface IngestResult {
  kind: FindingKind;
  read: number;
  changed: number;
  queued: number;
  baseline: boolean;
}

const CHUNK = 500;

/**
 * One poll of one kind: read what changed since the stored watermark, upsert the findings and queue card
 * posts/updates in the same transaction (per chunk), then move the watermark. The first poll of a scope
 * is a silent baseline: existing findings are stored, not announced.
 */
export async function ingestKind(deps: IngestDeps, kind: FindingKind, now: Date): Promise<IngestResult> {
  const wmKey = `${kind}@${deps.scope}`;
  const watermark = await deps.watermarks.get(wmKey);
  const baseline = watermark === undefined;
  const since = watermark ? new Date(watermark.getTime() - deps.settings.overlapMs) : undefined;
  const batch = await deps.feed.read(kind, since, now);
  let incoming = batch.findings;
  if (batch.snapshot) incoming = incoming.concat(await vanished(deps, kind, incoming, now));

  const tables = baseline ? undefined : await routingTables(deps);
  const recent = baseline ? new Map<string, number>() : await deps.cards.recentCounts(new Date(now.getTime() - deps.settings.stormWindowMs));
  const result: IngestResult = { kind, read: batch.findings.length, changed: 0, queued: 0, baseline };
  const newest = batch.newest && (!watermark || batch.newest > watermark) ? batch.newest : watermark;

  for (let i = 0; i === 0 || i < incoming.length; i += CHUNK) {
    const chunk = incoming.slice(i, i + CHUNK);
    const last = i + CHUNK >= incoming.length;
    await deps.db.transaction().execute(async (tx) => {
      for (const f of chunk) {
        const outcome = await upsert(deps, tx, f, now);
        if (!outcome) continue;
        result.changed++;
        if (tables) result.queued += await queueCards(deps, tx, outcome.finding, outcome.announce, tables, recent, now);
      }
      if (last && newest) await deps.watermarks.set(wmKey, newest, now, tx);
    });
  }
  if (result.changed > 0) log().info(result, baseline ? 'findings baseline stored' : 'findings ingested');
  return result;
}

/** Stored active findings missing from a complete snapshot are gone: resolved. */
async function vanished(deps: IngestDeps, kind: FindingKind, present: Finding[], now: Date): Promise<Finding[]> {
  const keys = new Set(present.map((f) => `${f.tenantId}\u0000${f.key}`));
  const active = await deps.findings.list({ kind, status: 'active' });
  return active.filter((f) => !keys.has(`${f.tenantId}\u0000${f.key}`)).map((f) => ({ ...f, status: 'resolved' as const, lastSeen: now }));
}

async function upsert(deps: IngestDeps, tx: Executor, incoming: Finding, now: Date): Promise<{ finding: Finding; announce: boolean } | undefined> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const previous = await deps.findings.get(incoming.tenantId, incoming.key, tx);
    // Attack paths carry no times of their own: keep when the bot first saw them.
    const f = previous && incoming.kind === 'attack_path' && previous.status === incoming.status ? { ...incoming, firstSeen: previous.firstSeen, lastSeen: previous.lastSeen } : incoming;
    const change = detectChange(previous, f);
    if (change === 'unchanged') return undefined;
    const next = { ...f, version: (previous?.version ?? 0) + 1 };
    if (!previous) await deps.findings.put(next, now, tx);
    else if (!(await deps.findings.replaceIfVersion(next, previous.version, now, tx))) continue;
    return { finding: next, announce: announces(change, next) };
  }
  throw new Error(`finding ${incoming.key} kept changing while it was ingested`);
}

async function routingTables(deps: IngestDeps): Promise<RoutingTables> {
  const installed = await deps.conversations.list();
  const users = new Map((await deps.notifyConversations.list()).map((c) => [`${c.tenantId}\u0000${c.conversationId}`, c]));
  const isInstalled = new Set(installed.map((c) => `${c.tenantId}\u0000${c.conversationId}`));
  return {
    subscriptions: (await deps.subscriptions.list()).filter((s) => isInstalled.has(`${s.tenantId}\u0000${s.conversationId}`)),
    personalChats: installed
      .filter((c) => c.conversationType === 'personal')
      .map((c) => {
        const u = users.get(`${c.tenantId}\u0000${c.conversationId}`);
        return { tenantId: c.tenantId, conversationId: c.conversationId, upn: u?.userUpn, aadObjectId: u?.userAadObjectId };
      }),
    ownerDms: deps.settings.ownerDms,
  };
}

/** Queues an update of every card already showing the finding; returns those cards and how many got a new item. */
export async function queueRedraws(deps: Pick<IngestDeps, 'cards' | 'outbox'>, tenantId: string, findingKey: string, now: Date, tx?: Executor): Promise<{ cards: PostedCard[]; queued: number }> {
  const cards = await deps.cards.cardsOf(tenantId, findingKey, tx);
  let queued = 0;
  for (const card of cards) {
    if (await deps.outbox.enqueue({ tenantId: card.tenantId, conversationId: card.conversationId, cardId: card.id, op: 'update' }, now, tx)) queued++;
  }
  return { cards, queued };
}

/** Redraws the finding's existing cards and, when it is news, puts it on a card in each routed conversation. */
async function queueCards(deps: IngestDeps, tx: Executor, f: Finding, announce: boolean, tables: RoutingTables, recent: Map<string, number>, now: Date): Promise<number> {
  const { cards: existing, queued: redraws } = await queueRedraws(deps, f.tenantId, f.key, now, tx);
  let queued = redraws;
  if (!announce) return queued;
  const covered = new Set(existing.map((c) => `${c.tenantId}\u0000${c.conversationId}`));
  for (const route of routeFinding(f, tables)) {
    if (covered.has(`${route.tenantId}\u0000${route.conversationId}`)) continue;
    if (await placeOnCard(deps, tx, f, route, recent, now)) queued++;
  }
  return queued;
}

async function placeOnCard(deps: IngestDeps, tx: Executor, f: Finding, route: Route, recent: Map<string, number>, now: Date): Promise<boolean> {
  const { tenantId, conversationId } = route;
  const count = recent.get(conversationId) ?? 0;
  recent.set(conversationId, count + 1);
  const storm = isStorm(count, deps.settings.stormThreshold);
  const base = storm ? stormBase(f.resource.zone) : groupBase(f);
  const at = storm ? now : f.firstSeen;
  const latest = await deps.cards.latest(tenantId, conversationId, base, tx);
  const open = latest && (storm ? now.getTime() - latest.openedAt.getTime() <= deps.settings.stormWindowMs : groupIsOpen(base, latest.openedAt, at, deps.settings.groupWindowMs));
  const cardId = open ? latest.id : await deps.cards.create({ tenantId, conversationId, type: storm ? 'storm' : 'finding', groupKey: base, zone: f.resource.zone, openedAt: at }, now, tx);
  await deps.cards.addFinding(cardId, conversationId, f, now, tx);
  return deps.outbox.enqueue({ tenantId, conversationId, cardId, op: open ? 'update' : 'post' }, now, tx);
}
