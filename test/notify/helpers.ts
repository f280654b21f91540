import type { RunningBot } from '../../src/bot';
import type { EmbeddedDataSource } from '../../src/data/embedded';
import { activity, install, TENANT_ID } from '../support/activities';
import { postActivity } from '../support/bot';
import { cardsOf, type ConnectorStub, type RecordedRequest } from '../support/connector-stub';

export const ADMIN = { id: 'user-id-5', name: 'Tom Becker', aadObjectId: '1a0b0c0d-0000-4000-8000-000000000006' };

export const conversationOf = (r: RecordedRequest) => decodeURIComponent(r.path.split('/')[3]!);

/** Proactive card posts and updates (not replies to commands), answered 200. */
export function cardCalls(stub: ConnectorStub, conversationId?: string): RecordedRequest[] {
  return stub.requests.filter(
    (r) =>
      r.status === 200 &&
      ((r.method === 'POST' && /\/activities$/.test(r.path)) || r.method === 'PUT') &&
      cardsOf(r.body).some((c) => c.refresh || JSON.stringify(c).includes('Notification storm')) &&
      (!conversationId || conversationOf(r) === conversationId),
  );
}

/** The current state of every card in a conversation: the last body posted or put per activity. */
export function currentCards(stub: ConnectorStub, conversationId: string): Map<string, Record<string, unknown>> {
  const byActivity = new Map<string, Record<string, unknown>>();
  let n = 0;
  for (const r of cardCalls(stub, conversationId)) {
    const id = r.method === 'PUT' ? decodeURIComponent(r.path.split('/').pop()!) : `post-${n++}`;
    byActivity.set(id, cardsOf(r.body)[0]!);
  }
  return byActivity;
}

/** How many findings a card stands for: a storm's total, a group's count, or one. */
export function findingsOnCard(card: Record<string, unknown>): number {
  const text = JSON.stringify(card);
  const storm = /"(\d+) new findings since/.exec(text);
  if (storm) return Number(storm[1]);
  const occ = /"title":"Occurrences","value":"(\d+)"/.exec(text);
  return occ ? Number(occ[1]) : 1;
}

export function findingKeyOf(card: Record<string, unknown>): string | undefined {
  const refresh = card.refresh as { action?: { data?: { findingKey?: string } } } | undefined;
  return refresh?.action?.data?.findingKey;
}

export async function installIn(bot: RunningBot, stub: ConnectorStub, conversationId: string, type: 'personal' | 'groupChat' | 'channel', from = {}): Promise<void> {
  const a = install(stub.url, conversationId);
  a.conversation = { id: conversationId, conversationType: type, tenantId: TENANT_ID, ...(type === 'personal' ? {} : { isGroup: true }) };
  Object.assign(a, Object.keys(from).length ? { from } : {});
  const res = await postActivity(bot, a);
  if (res.status !== 200) throw new Error(`install failed: ${res.status}`);
}

/** Sends a chat message and returns the bot's text replies. */
export async function say(bot: RunningBot, stub: ConnectorStub, text: string, options: { conversationId?: string; type?: string; from?: object } = {}): Promise<string[]> {
  const before = stub.requests.length;
  const conversationId = options.conversationId ?? 'personal-chat-priya';
  const a = activity(stub.url, { type: 'message', text, ...(options.from ? { from: options.from } : {}) }, conversationId);
  a.conversation = { id: conversationId, conversationType: options.type ?? 'personal', tenantId: TENANT_ID };
  await postActivity(bot, a);
  return stub.requests.slice(before).map((r) => String(r.body.text ?? '')).filter(Boolean);
}

/** A copy of an alert's ARG row with a new id, as if Defender raised the same alert again. */
export function repeatAlert(source: EmbeddedDataSource, alertId: string, newId: string, startOffsetMs: number, status = 'Active'): void {
  const rows = source.tenant.tables.securityresources!;
  const row = rows.find((r) => r.name === alertId)!;
  const p = row.properties as Record<string, unknown>;
  const start = new Date(new Date(String(p.StartTimeUtc)).getTime() + startOffsetMs).toISOString();
  rows.push({ ...row, name: newId, id: String(row.id).replace(alertId, newId), properties: { ...p, SystemAlertId: newId, StartTimeUtc: start, EndTimeUtc: start, Status: status } });
}

export function setAlertStatus(source: EmbeddedDataSource, alertId: string, status: string): void {
  const row = source.tenant.tables.securityresources!.find((r) => r.name === alertId)!;
  row.properties = { ...(row.properties as object), Status: status };
}
