import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { logAnalyticsQueryUrl, resourceGraphQueryUrl } from '../../src/data/portal-links';

const WORKSPACE = '/subscriptions/00000000-0000-0000-0000-000000000501/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/la-contoso';
const TENANT = '00000000-0000-0000-0000-00000000c001';

const QUERIES = {
  plain: 'SecurityAlert | take 10',
  special: `SecurityAlert\n| where AlertName has "jailbreak" and Description !contains 'a/b#c?d%e+f&g'\n| extend Note = strcat("(", "*", ")")\n| project AlertName, Note`,
  unicode: 'print s = "Контосо 銀行 ☁️ — naïve ü"\r\n| extend t = "tab\there"',
};

// Only characters that are legal unencoded in a URL fragment may appear.
const URL_SAFE = /^[A-Za-z0-9\-._~:/?#@%$&+,;=]+$/;

function decodeLogAnalytics(url: string): { resourceId: string; query: string; timespan?: string; tenant?: string } {
  const m = /^https:\/\/portal\.azure\.com\/#(?:@([^/]+)\/)?blade\/Microsoft_OperationsManagementSuite_Workspace\/Logs\.ReactView\/resourceId\/([^/]+)\/source\/LogsBlade\.AnalyticsShareLinkToQuery\/q\/([^/]+)(?:\/timespan\/([^/]+))?$/.exec(url);
  assert.ok(m, url);
  const q = decodeURIComponent(decodeURIComponent(m[3]!));
  return {
    tenant: m[1] && decodeURIComponent(m[1]),
    resourceId: decodeURIComponent(m[2]!),
    query: gunzipSync(Buffer.from(q, 'base64')).toString('utf8'),
    timespan: m[4] && decodeURIComponent(m[4]),
  };
}

describe('portal deep links', () => {
  describe('Open in Log Analytics', () => {
    for (const [name, query] of Object.entries(QUERIES)) {
      it(`round-trips the ${name} query through gzip + base64 + double URL encoding`, () => {
        const url = logAnalyticsQueryUrl({ tenantId: TENANT, workspaceResourceId: WORKSPACE, query, timespan: 'P7D' });
        assert.match(url, URL_SAFE);
        assert.deepEqual(decodeLogAnalytics(url), { tenant: TENANT, resourceId: WORKSPACE, query, timespan: 'P7D' });
      });
    }

    it('encodes the query exactly like a portal share link (the "LAQueryLogs" link in Microsoft Learn)', () => {
      const url = logAnalyticsQueryUrl({ workspaceResourceId: '/Demo', query: 'LAQueryLogs', timespan: 'P1D' });
      assert.equal(
        url,
        'https://portal.azure.com/#blade/Microsoft_OperationsManagementSuite_Workspace/Logs.ReactView/resourceId/%2FDemo/source/LogsBlade.AnalyticsShareLinkToQuery/q/H4sIAAAAAAAAA%252FNxDCxNLar0yU8vBgDTZ2tdCwAAAA%253D%253D/timespan/P1D',
      );
    });

    it('leaves the timespan out when none is given and encodes an interval', () => {
      assert.doesNotMatch(logAnalyticsQueryUrl({ workspaceResourceId: WORKSPACE, query: 'T' }), /timespan/);
      const url = logAnalyticsQueryUrl({ workspaceResourceId: WORKSPACE, query: 'T', timespan: '2025-03-01T00:00:00Z/2025-03-08T00:00:00Z' });
      assert.equal(decodeLogAnalytics(url).timespan, '2025-03-01T00:00:00Z/2025-03-08T00:00:00Z');
      assert.match(url, URL_SAFE);
    });
  });

  describe('Open in Resource Graph Explorer', () => {
    for (const [name, query] of Object.entries(QUERIES)) {
      it(`round-trips the ${name} query`, () => {
        const url = resourceGraphQueryUrl({ tenantId: TENANT, query });
        assert.match(url, URL_SAFE);
        const prefix = `https://portal.azure.com/#@${TENANT}/view/HubsExtension/ArgQueryBlade/query/`;
        assert.ok(url.startsWith(prefix), url);
        const encoded = url.slice(prefix.length);
        assert.doesNotMatch(encoded, /\//, 'the query is one path segment');
        assert.equal(decodeURIComponent(encoded), query);
      });
    }

    it('works without a tenant', () => {
      assert.equal(
        resourceGraphQueryUrl({ query: "resources | where type =~ 'microsoft.cognitiveservices/accounts' | count" }),
        'https://portal.azure.com/#view/HubsExtension/ArgQueryBlade/query/resources%20%7C%20where%20type%20%3D~%20%27microsoft.cognitiveservices%2Faccounts%27%20%7C%20count',
      );
    });
  });
});
