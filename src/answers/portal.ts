/** "Open in portal" for an answer: Resource Graph Explorer or Log Analytics, running the exact KQL that ran. */
import type { QuerySource } from '../domain/ports';
import { logAnalyticsQueryUrl, resourceGraphQueryUrl } from '../data/portal-links';

export interface PortalSettings {
  /** Directory to open the portal in (AZURE_TENANT_ID). */
  tenantId?: string;
  /** Log Analytics needs the workspace's ARM id; without it `logs` answers have no link. */
  workspaceResourceId?: string;
}

export interface PortalLink {
  title: string;
  url: string;
}

export function portalLink(source: QuerySource, kql: string, settings: PortalSettings): PortalLink | undefined {
  if (source === 'resourcegraph') return { title: 'Open in Resource Graph Explorer', url: resourceGraphQueryUrl({ tenantId: settings.tenantId, query: kql }) };
  if (!settings.workspaceResourceId) return undefined;
  // No timespan: every catalog query filters time itself, so the portal shows "Set in query".
  return { title: 'Open in Log Analytics', url: logAnalyticsQueryUrl({ tenantId: settings.tenantId, workspaceResourceId: settings.workspaceResourceId, query: kql }) };
}
