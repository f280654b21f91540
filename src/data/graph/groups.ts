import type { Clock } from '../../domain/ports';
import type { GroupMembers } from '../../domain/roles';
import { log } from '../../log';
import type { GraphClient } from './client';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who is in an Entra group, nested groups included: `GET /groups/{id}/transitiveMembers?$select=id` (paged),
 * users only, cached per group for `ttlMs`. With GroupMember.Read.All Graph returns every member's type and id.
 */
export class GraphGroupMembers implements GroupMembers {
  private readonly cache = new Map<string, { at: number; members: Promise<ReadonlySet<string>> }>();

  constructor(
    private readonly graph: GraphClient,
    private readonly clock: Clock,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  memberIds(groupId: string): Promise<ReadonlySet<string>> {
    if (!GUID.test(groupId)) return Promise.reject(new Error(`not a group object id: ${groupId}`));
    const key = groupId.toLowerCase();
    const now = this.clock.now().getTime();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.members;
    const members = this.load(key);
    this.cache.set(key, { at: now, members });
    // A failure is not kept: the next click asks Graph again.
    members.catch((err) => {
      if (this.cache.get(key)?.members === members) this.cache.delete(key);
      log().warn({ err, groupId }, 'Entra group members could not be read from Microsoft Graph; its role is not granted meanwhile');
    });
    return members;
  }

  private async load(groupId: string): Promise<ReadonlySet<string>> {
    const members = await this.graph.all<{ '@odata.type'?: string; id?: string }>(`/groups/${groupId}/transitiveMembers?$select=id&$top=999`);
    return new Set(members.filter((m) => m['@odata.type'] === '#microsoft.graph.user' && m.id).map((m) => m.id!.toLowerCase()));
  }
}
