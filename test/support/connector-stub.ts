import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
  at: number;
  /** The HTTP status the stub answered with. */
  status?: number;
}

/** A scripted answer: the status and headers to send instead of 200 (e.g. 429 with Retry-After). */
export interface StubAnswer {
  status: number;
  headers?: Record<string, string>;
}

interface Rule {
  match: (r: RecordedRequest) => boolean;
  answer: StubAnswer;
  remaining: number;
}

/**
 * A local stand-in for the Bot Framework connector (the activity's serviceUrl): it records every call the
 * bot makes and answers like the real service, with a new activity id per posted message.
 */
export class ConnectorStub {
  readonly requests: RecordedRequest[] = [];
  private server?: Server;
  private nextId = 1;
  private waiters: { predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  private rules: Rule[] = [];
  /** Roster answers for GET /v3/conversations/{id}/members/{userId} (TeamsInfo.getMember), by user id. */
  readonly members: Record<string, Record<string, unknown>> = {};

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const body = await readJson(req);
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', body, at: Date.now() };
      const rule = this.rules.find((r) => r.remaining > 0 && r.match(recorded));
      if (rule) rule.remaining--;
      recorded.status = rule?.answer.status ?? 200;
      this.requests.push(recorded);
      this.waiters = this.waiters.filter((w) => (w.predicate(recorded) ? (w.resolve(recorded), false) : true));
      if (rule) {
        res.writeHead(rule.answer.status, { 'content-type': 'application/json', ...rule.answer.headers });
        res.end(JSON.stringify({ error: { code: `Stub${rule.answer.status}`, message: `scripted ${rule.answer.status}` } }));
        return;
      }
      const member = /^\/v3\/conversations\/[^/]+\/members\/([^/?]+)/.exec(recorded.path);
      if (recorded.method === 'GET' && member) {
        const found = this.members[decodeURIComponent(member[1]!)];
        res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(found ?? { error: { code: 'MemberNotFound' } }));
        return;
      }
      const update = /^\/v3\/conversations\/[^/]+\/activities\/([^/?]+)$/.exec(recorded.path);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: recorded.method === 'PUT' && update ? decodeURIComponent(update[1]!) : `activity-${this.nextId++}` }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /**
   * Answers the next `times` matching requests with `answer` instead of 200 (429 + Retry-After, 412, 502,
   * 504, 403, 404…). Rules apply in the order they were added.
   */
  answer(answer: StubAnswer, options: { times?: number; match?: (r: RecordedRequest) => boolean } = {}): void {
    this.rules.push({ answer, remaining: options.times ?? 1, match: options.match ?? (() => true) });
  }

  /** Drops every scripted answer that has not been used up. */
  clearAnswers(): void {
    this.rules = [];
  }

  /** Successful card updates (PUT /v3/conversations/{id}/activities/{activityId}). */
  updates(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'PUT' && r.status === 200 && /\/v3\/conversations\/[^/]+\/activities\/[^/]+$/.test(r.path));
  }

  /** Activities the bot posted (replies and proactive messages). */
  posted(): Record<string, unknown>[] {
    return this.requests.filter((r) => r.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(r.path)).map((r) => r.body);
  }

  waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = this.requests.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('connector stub: expected call did not arrive')), timeoutMs);
      this.waiters.push({ predicate, resolve: (r) => (clearTimeout(timer), resolve(r)) });
    });
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Card payloads of the posted activities, flattened. */
export function cardsOf(activity: Record<string, unknown>): Record<string, unknown>[] {
  const attachments = (activity.attachments ?? []) as { contentType: string; content: Record<string, unknown> }[];
  return attachments.filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content);
}
