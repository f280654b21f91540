import type { DirectoryUser, UserDirectory } from '../../domain/triage/ports';
import { log } from '../../log';
import type { GraphClient } from './client';

interface GraphUser {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
}

const SELECT = '$select=id,displayName,userPrincipalName';

const toUser = (u: GraphUser): DirectoryUser => ({ aadObjectId: u.id, upn: u.userPrincipalName ?? '', name: u.displayName || u.userPrincipalName || u.id });

/**
 * The directory in Azure mode: people are looked up in Microsoft Graph (by object id or UPN) and the reassign
 * picker searches it. The policy file's `users` stay the first choices a form offers and answer without Graph.
 */
export class GraphUserDirectory implements UserDirectory {
  constructor(
    private readonly graph: GraphClient,
    private readonly known: UserDirectory,
  ) {}

  async byObjectId(aadObjectId: string): Promise<DirectoryUser | undefined> {
    return (await this.known.byObjectId(aadObjectId)) ?? this.lookup(aadObjectId);
  }

  async byUpn(upn: string): Promise<DirectoryUser | undefined> {
    return (await this.known.byUpn(upn)) ?? this.lookup(upn);
  }

  list(): Promise<DirectoryUser[]> {
    return this.known.list();
  }

  /** `$search` on display name and UPN (needs `ConsistencyLevel: eventual`); quotes and backslashes are dropped. */
  async search(text: string, top: number): Promise<DirectoryUser[]> {
    const q = text.replace(/["\\]/g, '').trim().slice(0, 64);
    if (!q) return this.known.list().then((users) => users.slice(0, top));
    const search = encodeURIComponent(`"displayName:${q}" OR "userPrincipalName:${q}"`);
    const body = await this.graph.get<{ value?: GraphUser[] }>(`/users?$search=${search}&${SELECT}&$top=${Math.min(Math.max(top, 1), 999)}&$count=true`, { ConsistencyLevel: 'eventual' });
    return (body?.value ?? []).map(toUser);
  }

  /** A person by object id or UPN; unknown (or Graph failing) is undefined, logged, and never a crash. */
  private async lookup(idOrUpn: string): Promise<DirectoryUser | undefined> {
    try {
      const u = await this.graph.get<GraphUser>(`/users/${encodeURIComponent(idOrUpn)}?${SELECT}`);
      return u ? toUser(u) : undefined;
    } catch (err) {
      log().warn({ err }, 'a person could not be looked up in Microsoft Graph');
      return undefined;
    }
  }
}
