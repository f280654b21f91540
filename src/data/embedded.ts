import type { AlertFinding, ResourceRef } from '../domain/findings';
import type { DefenderDataSource, DependencyStatus } from '../domain/ports';
import { createSimulatedTenant, type SimulatedTenant } from '../sim';
import { alertFromSecurityAlertRow } from './alert-from-row';
import { RESOURCE_KIND_LABELS } from './resource-kinds';

/** Embedded mode's data source: the simulated Contoso Bank tenant, generated once at start-up. */
export class EmbeddedDataSource implements DefenderDataSource {
  readonly kind = 'simulated-tenant';
  readonly tenant: SimulatedTenant;
  private readonly resources: Map<string, ResourceRef>;

  constructor(options: { seed: number; now: Date }) {
    this.tenant = createSimulatedTenant({ seed: options.seed, now: options.now });
    this.resources = new Map(
      this.tenant.resources.map((r) => [
        r.id.toLowerCase(),
        { id: r.id, name: r.name, kind: RESOURCE_KIND_LABELS[r.type] ?? r.type, zone: r.zone, zoneKnown: r.zoneKnown ?? true, owner: r.owner },
      ]),
    );
  }

  async status(): Promise<DependencyStatus> {
    const alerts = this.tenant.tables.SecurityAlert?.length ?? 0;
    return { ok: true, kind: this.kind, detail: `Contoso Bank (seed ${this.tenant.seed}): ${this.resources.size} AI resources, ${alerts} alerts` };
  }

  resource(resourceId: string): ResourceRef | undefined {
    return this.resources.get(resourceId.toLowerCase());
  }

  /** Simulates Defender raising a new alert now. */
  raiseAlert(at: Date): AlertFinding {
    const row = this.tenant.addTrickleAlert(at);
    return alertFromSecurityAlertRow(row, (id) => this.resource(id));
  }
}
