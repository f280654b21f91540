/** Expected answers computed straight from the simulated tenant's rows in JS, independently of the KQL. */
import { zoneFromTag } from '../../src/domain/zones';
import { DAY, fixture, NOW, props, ZONE_TAG, type Obj } from './fixture';

const tables = (): Record<string, Obj[]> => fixture().tenant.tables as Record<string, Obj[]>;
const byType = (type: string): Obj[] => tables().securityresources!.filter((r) => r.type === type);
const since = (ms: number): number => NOW.getTime() - ms;

/** Lower-cased resource id → { zone, known, name, resourceType } from the `resources` tags and the sim's types. */
export function zones(): Map<string, { zone: number; known: boolean; name: string; resourceType: string; owner: string }> {
  const types = new Map(fixture().tenant.resources.map((r) => [r.id.toLowerCase(), r.type]));
  return new Map(
    tables().resources!.map((r) => {
      const z = zoneFromTag((r.tags as Obj)[ZONE_TAG]);
      const id = String(r.id).toLowerCase();
      return [id, { zone: z.zone, known: z.zoneKnown, name: String(r.name), resourceType: String(types.get(id)), owner: String((r.tags as Obj).owner) }];
    }),
  );
}

export function attackPathTargets(): { id: string; risk: string; targetId: string }[] {
  return byType('microsoft.security/attackpaths').map((p) => {
    const pr = props(p);
    const graph = pr.graphComponent as { entities: { entityInternalId: string; entityIdentifiers: { azureResourceId?: string } }[] };
    const target = graph.entities.find((e) => e.entityInternalId === pr.targetEntityInternalID)!;
    return { id: String(p.name), risk: String(pr.riskLevel), targetId: String(target.entityIdentifiers.azureResourceId).toLowerCase() };
  });
}

export function aiAlertsArg(windowMs: number): Obj[] {
  return byType('microsoft.security/locations/alerts').filter(
    (a) => String(props(a).AlertType).startsWith('AI.') && Date.parse(String(props(a).TimeGeneratedUtc)) > since(windowMs),
  );
}

export const alertResourceId = (a: Obj): string =>
  String((props(a).ResourceIdentifiers as Obj[]).find((x) => x.Type === 'AzureResource')!.AzureResourceId).toLowerCase();

export function assessments(code?: string): Obj[] {
  return byType('microsoft.security/assessments').filter((a) => code === undefined || (props(a).status as Obj).code === code);
}

export const assessmentResourceId = (a: Obj): string => String((props(a).resourceDetails as Obj).Id).toLowerCase();

/** Governance assignment by lower-cased assessment id. */
export function assignments(): Map<string, Obj> {
  return new Map(byType('microsoft.security/assessments/governanceassignments').map((g) => [String(props(g).assignedResourceId).toLowerCase(), props(g)]));
}

export function diagnostics(windowMs: number): Obj[] {
  return tables().AzureDiagnostics!.filter((r) => (r.TimeGenerated as Date).getTime() > since(windowMs));
}

export const completionTokens = (r: Obj): number => (JSON.parse(String(r.properties_s)) as { completionTokens: number }).completionTokens;

export { DAY, tables };
