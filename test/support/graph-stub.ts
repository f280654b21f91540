import type { StubRequest, StubResponse } from './https-stub';

/**
 * Microsoft Graph v1.0, the calls the bot makes, with Graph's response shapes (`@odata.context`, `@odata.type`,
 * absolute `@odata.nextLink` with a `$skiptoken`) and its refusals: no bearer token (401), a missing permission
 * (403 Authorization_RequestDenied), `$search` without `ConsistencyLevel: eventual` (400 Request_UnsupportedQuery),
 * `$top` above 999 (400), an unknown object (404 Request_ResourceNotFound). Pages hold `pageSize` members.
 */
export interface GraphUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

type Member = { '@odata.type': '#microsoft.graph.user' | '#microsoft.graph.group' | '#microsoft.graph.servicePrincipal'; id: string };

const error = (status: number, code: string, message: string): StubResponse => ({
  status,
  body: { error: { code, message, innerError: { date: '2025-06-16T14:00:00', 'request-id': '5c2f0e1a-0000-4000-8000-000000000001', 'client-request-id': '5c2f0e1a-0000-4000-8000-000000000002' } } },
});
const notFound = (id: string) => error(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);

export class GraphStub {
  users: GraphUser[] = [];
  /** Transitive members per group id (nested groups already flattened, as transitiveMembers does). */
  groups = new Map<string, Member[]>();
  pageSize = 2;
  /** When set, every call answers 403 (the identity lacks the Graph permission). */
  forbidden = false;

  constructor(private readonly baseUrl: () => string) {}

  handle(req: StubRequest): StubResponse {
    if (!/^Bearer \S+/.test(String(req.headers.authorization ?? ''))) return error(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    if (this.forbidden) return error(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    const url = new URL(req.path, this.baseUrl());
    const top = Number(url.searchParams.get('$top') ?? 100);
    if (top > 999) return error(400, 'Request_BadRequest', `Invalid page size specified: '${top}'. Must be between 1 and 999 inclusive.`);
    let m = /^\/v1\.0\/groups\/([^/]+)\/transitiveMembers$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      const members = this.groups.get(m[1]!.toLowerCase());
      if (!members) return notFound(m[1]!);
      return this.page(url, '$metadata#directoryObjects(id)', members, Math.min(top, this.pageSize));
    }
    m = /^\/v1\.0\/users\/([^/]+)$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      const key = decodeURIComponent(m[1]!).toLowerCase();
      const u = this.users.find((x) => x.id.toLowerCase() === key || x.userPrincipalName.toLowerCase() === key);
      return u ? { body: { '@odata.context': `${this.baseUrl()}/v1.0/$metadata#users(id,displayName,userPrincipalName)/$entity`, ...u } } : notFound(key);
    }
    if (url.pathname === '/v1.0/users' && req.method === 'GET') {
      const search = url.searchParams.get('$search');
      if (search && String(req.headers.consistencylevel ?? '').toLowerCase() !== 'eventual') {
        return error(400, 'Request_UnsupportedQuery', "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
      }
      const found = search ? this.users.filter((u) => matches(u, search)) : this.users;
      return { body: { '@odata.context': `${this.baseUrl()}/v1.0/$metadata#users(id,displayName,userPrincipalName)`, '@odata.count': found.length, value: found.slice(0, top) } };
    }
    return error(400, 'BadRequest', `Resource not found for the segment '${url.pathname.split('/').pop()}'.`);
  }

  private page(url: URL, context: string, items: unknown[], size: number): StubResponse {
    const skip = Number(url.searchParams.get('$skiptoken')?.replace(/^X/, '') ?? 0);
    const next = new URL(url.toString());
    next.searchParams.set('$skiptoken', `X${skip + size}`);
    return {
      body: {
        '@odata.context': `${this.baseUrl()}/v1.0/${context}`,
        ...(skip + size < items.length ? { '@odata.nextLink': next.toString() } : {}),
        value: items.slice(skip, skip + size),
      },
    };
  }
}

/** Graph's `$search` on users: each quoted "property:text" clause matches a word of the property by prefix. */
function matches(u: GraphUser, search: string): boolean {
  const clauses = [...search.matchAll(/"(displayName|userPrincipalName):([^"]*)"/g)];
  return clauses.some(([, prop, text]) => {
    const value = String(u[prop as keyof GraphUser]).toLowerCase();
    return value.split(/[\s@.]+/).some((w) => w.startsWith(text!.toLowerCase())) || value.startsWith(text!.toLowerCase());
  });
}
