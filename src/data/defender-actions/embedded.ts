import type { DefenderActions, DefenderWrite } from '../../domain/triage/ports';
import { policyresources, securityresources, type TableSchema } from '../../schemas';
import { securityStandards, type Row } from '../../sim';
import type { AssignedStandard, SecurityStandards } from './exemption-targets';

/** Builds a row with exactly the schema's columns (missing ones null), as the simulator's own rows are. */
function row(schema: TableSchema, values: Row): Row {
  return Object.fromEntries(schema.columns.map((c) => [c.name, values[c.name] ?? null]));
}

const lower = (v: unknown) => String(v ?? '').toLowerCase();
const subscriptionOf = (id: string) => /\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '';
const resourceGroupOf = (id: string) => (/\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '').toLowerCase();

/**
 * Embedded mode's write-back: applies the same effects as Defender to the simulated tenant's tables, so the
 * catalog answers (my_queue, overdue, risk_register, alerts) follow the decisions made in Teams.
 */
export class EmbeddedDefenderActions implements DefenderActions {
  readonly kind = 'simulated-tenant';
  /**
   * Defender standard-assignment exemptions (AWS, GCP) by ARM id. The simulated Resource Graph tables have no
   * row type for them, so they are kept here.
   */
  readonly standardExemptions = new Map<string, Extract<DefenderWrite, { type: 'standard_exemption' }>>();

  constructor(
    private readonly tables: Record<string, Row[]>,
    private readonly tenantId: string,
  ) {}

  async apply(w: DefenderWrite): Promise<void> {
    if (w.type === 'governance_assignment') return this.governance(w);
    if (w.type === 'exemption') return this.exemption(w);
    if (w.type === 'exemption_delete') return this.remove('policyresources', `${w.scope}/providers/Microsoft.Authorization/policyExemptions/${w.name}`);
    if (w.type === 'standard_exemption') return void this.standardExemptions.set(standardAssignmentId(w), w);
    if (w.type === 'standard_exemption_delete') return void this.standardExemptions.delete(standardAssignmentId(w));
    return this.alertState(w);
  }

  private table(name: string): Row[] {
    const t = this.tables[name];
    if (!t) throw new Error(`the simulated tenant has no table ${name}`);
    return t;
  }

  private remove(table: string, id: string): void {
    const rows = this.table(table);
    for (let i = rows.length - 1; i >= 0; i--) if (lower(rows[i]!.id) === id.toLowerCase()) rows.splice(i, 1);
  }

  private governance(w: Extract<DefenderWrite, { type: 'governance_assignment' }>): void {
    const rows = this.table('securityresources');
    // The bot's assignment becomes the assessment's only one, as if the previous owner's had been replaced.
    for (let i = rows.length - 1; i >= 0; i--) {
      const r = rows[i]!;
      if (r.type === 'microsoft.security/assessments/governanceassignments' && lower((r.properties as Row | null)?.assignedResourceId) === w.assessmentId.toLowerCase()) rows.splice(i, 1);
    }
    rows.push(
      row(securityresources, {
        id: `${w.assessmentId}/governanceAssignments/${w.assignmentKey}`,
        name: w.assignmentKey,
        type: 'microsoft.security/assessments/governanceassignments',
        tenantId: this.tenantId,
        kind: '',
        location: '',
        resourceGroup: resourceGroupOf(w.assessmentId),
        subscriptionId: subscriptionOf(w.assessmentId),
        managedBy: '',
        properties: {
          owner: w.owner,
          remediationDueDate: w.remediationDueDate,
          isGracePeriod: w.isGracePeriod,
          governanceEmailNotification: { disableManagerEmailNotification: false, disableOwnerEmailNotification: false },
          assignedResourceId: w.assessmentId,
        },
      }),
    );
  }

  private exemption(w: Extract<DefenderWrite, { type: 'exemption' }>): void {
    const id = `${w.scope}/providers/Microsoft.Authorization/policyExemptions/${w.name}`;
    this.remove('policyresources', id);
    this.table('policyresources').push(
      row(policyresources, {
        id,
        name: w.name,
        type: 'microsoft.authorization/policyexemptions',
        tenantId: this.tenantId,
        kind: '',
        location: '',
        resourceGroup: resourceGroupOf(w.scope),
        subscriptionId: subscriptionOf(w.scope),
        managedBy: '',
        properties: {
          policyAssignmentId: w.policyAssignmentId,
          policyDefinitionReferenceIds: w.policyDefinitionReferenceIds,
          exemptionCategory: w.category,
          displayName: w.displayName,
          description: w.description,
          expiresOn: w.expiresOn,
          assignmentScopeValidation: 'Default',
          resourceSelectors: [],
          metadata: w.metadata,
        },
      }),
    );
  }

  private alertState(w: Extract<DefenderWrite, { type: 'alert_state' }>): void {
    const name = w.alertId.split('/').at(-1)!.toLowerCase();
    const status = { Resolve: 'Resolved', Dismiss: 'Dismissed', Activate: 'Active' }[w.state];
    let found = false;
    for (const r of this.table('securityresources')) {
      if (r.type !== 'microsoft.security/locations/alerts' || lower(r.name) !== name) continue;
      r.properties = { ...(r.properties as Row), Status: status };
      found = true;
    }
    // Log Analytics' SecurityAlert says New where ARG says Active.
    for (const r of this.table('SecurityAlert')) if (lower(r.SystemAlertId) === name) r.Status = status === 'Active' ? 'New' : status;
    if (!found) throw new Error(`alert ${name} is not in the simulated tenant`);
  }
}

const standardAssignmentId = (w: { scope: string; name: string }) => `${w.scope}/providers/Microsoft.Security/standardAssignments/${w.name}`.toLowerCase();

/** The simulated tenant's Defender standards: the benchmark assigned on its AWS and GCP connectors. */
export const embeddedStandards: SecurityStandards = {
  async assignedAt(scope: string): Promise<AssignedStandard[]> {
    return securityStandards()
      .filter((s) => s.scope.toLowerCase() === scope.toLowerCase())
      .map((s) => ({ standardId: s.standardId, assessmentKeys: new Set(s.assessmentKeys.map((k) => k.toLowerCase())) }));
  },
};
