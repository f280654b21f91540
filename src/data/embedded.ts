import type { ResourceRef } from '../domain/findings';
import type { DefenderDataSource, DependencyStatus } from '../domain/ports';
import { zoneFromTag } from '../domain/zones';
import { createSimulatedTenant, WORKSPACE, type SimulatedTenant } from '../sim';
import { RESOURCE_KIND_LABELS } from './resource-kinds';

/** ARM id of the simulated SOC workspace: embedded answers link to it ("Open in Log Analytics"). */
export const SIMULATED_WORKSPACE_RESOURCE_ID = `/subscriptions/${WORKSPACE.subscriptionId}/resourceGroups/${WORKSPACE.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${WORKSPACE.name}`;

/** Embedded mode's data source: the simulated Contoso Bank tenant, generated once at start-up. */
export class EmbeddedDataSource implements DefenderDataSource {
  readonly kind = 'simulated-tenant';
  readonly tenant: SimulatedTenant;
  private readonly resources: Map<string, ResourceRef>;

  constructor(options: { seed: number; now: Date; zoneTag: string }) {
    this.tenant = createSimulatedTenant({ seed: options.seed, now: options.now });
    // Zones come from the resources' tags, as in Azure, so a missing or bad tag fails closed to Zone 3.
    const tags = new Map(this.tenant.tables.resources!.map((row) => [String(row.id).toLowerCase(), row.tags as Record<string, unknown> | null]));
    this.resources = new Map(
      this.tenant.resources.map((r) => {
        const key = r.id.toLowerCase();
        const zone = tags.has(key) ? zoneFromTag(tags.get(key)?.[options.zoneTag]) : { zone: r.zone, zoneKnown: true };
        return [key, { id: r.id, name: r.name, kind: RESOURCE_KIND_LABELS[r.type] ?? r.type, owner: r.owner, ...zone }];
      }),
    );
  }

  async status(): Promise<DependencyStatus> {
    const alerts = this.tenant.tables.SecurityAlert?.length ?? 0;
    return { ok: true, kind: this.kind, detail: `Contoso Bank (seed ${this.tenant.seed}): ${this.resources.size} AI resources, ${alerts} alerts` };
  }

  resource(resourceId: string): ResourceRef | undefined {
    return this.resources.get(resourceId.toLowerCase());
  }

  /** Simulates Defender raising a new alert; the notification pipeline picks it up at its next poll. */
  raiseAlert(at: Date): { id: string } {
    return { id: String(this.tenant.addTrickleAlert(at).SystemAlertId) };
  }
}
