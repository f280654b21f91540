import { gzipSync } from 'node:zlib';

/**
 * "Open in Log Analytics" / "Open in Resource Graph Explorer" links for a card, in the formats the portal's own
 * share links and Microsoft's documentation use (checked: a documented "LAQueryLogs" link decodes identically).
 * - https://github.com/MicrosoftDocs/learn/blob/main/learn-pr/azure/explore-fundamentals-kql/includes/7-exercise.md
 *   (Log Analytics `…/LogsBlade.AnalyticsShareLinkToQuery/q/<gzip, base64, URL-encoded twice>/timespan/P1D`;
 *   Resource Graph Explorer `#view/HubsExtension/ArgQueryBlade/query/`)
 * - https://learn.microsoft.com/azure/governance/resource-graph/samples/starter (`ArgQueryBlade/query/<URL-encoded query>`)
 */
const PORTAL = 'https://portal.azure.com';

export interface LogAnalyticsLink {
  /** Directory (tenant) id or domain: opens the portal in the right directory for guest users. */
  tenantId?: string;
  /** `/subscriptions/…/resourceGroups/…/providers/Microsoft.OperationalInsights/workspaces/…` */
  workspaceResourceId: string;
  query: string;
  /** ISO 8601 duration (`P7D`) or interval (`start/end`); absent = the portal's default ("Set in query" when the query filters time). */
  timespan?: string;
}

export function logAnalyticsQueryUrl(link: LogAnalyticsLink): string {
  // The portal decodes the path once and the `q` value once more, then base64 → gunzip.
  const q = encode(encode(gzipSync(Buffer.from(link.query, 'utf8')).toString('base64')));
  const timespan = link.timespan ? `/timespan/${encode(link.timespan)}` : '';
  return (
    `${PORTAL}/${hash(link.tenantId)}blade/Microsoft_OperationsManagementSuite_Workspace/Logs.ReactView` +
    `/resourceId/${encode(link.workspaceResourceId)}/source/LogsBlade.AnalyticsShareLinkToQuery/q/${q}${timespan}`
  );
}

export function resourceGraphQueryUrl(link: { tenantId?: string; query: string }): string {
  return `${PORTAL}/${hash(link.tenantId)}view/HubsExtension/ArgQueryBlade/query/${encode(link.query)}`;
}

// `#@<tenant>/blade/…` switches directory first; without a tenant the fragment is `#blade/…`.
function hash(tenantId: string | undefined): string {
  return tenantId ? `#@${encode(tenantId)}/` : '#';
}

// encodeURIComponent leaves !'()* alone; encode them too so a link survives Markdown and card renderers intact.
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
