import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCard } from '../../src/cards/render';
import { EmbeddedQueryRunner } from '../../src/data/embedded-query-runner';
import { buildDigestData, type DigestCardData, type DigestOptions } from '../../src/digest/data';
import { gatherDigestInputs, type DigestInputs, type PendingAcceptance } from '../../src/digest/gather';
import { countChange } from '../../src/domain/digest/metrics';
import { periodEnding } from '../../src/domain/digest/period';
import type { Finding } from '../../src/domain/finding';
import { DEFAULT_ZONE_POLICIES } from '../../src/domain/zones';
import { loadCatalog } from '../../src/queries/catalog';
import { createSimulatedTenant, DEFAULT_NOW } from '../../src/sim';
import { validateCard } from '../cards/validate';
import { computeIndependently, type Independent } from './independent';

const FIXTURE = join(__dirname, 'expected-weekly.json');
const OPTIONS: DigestOptions = { policies: DEFAULT_ZONE_POLICIES, sourceLabel: 'simulated Contoso Bank tenant (embedded mode)', trendDays: 30, exportBaseUrl: 'https://evidence.contoso.example/exports' };
/** The simulated tenant's fixed clock is a Monday, 10:00 in New York: the committee's scheduled week ends there. */
const PERIOD = periodEnding('weekly', DEFAULT_NOW, 'America/New_York');
const TEAMS_LIMIT = 28 * 1024;

const EMPTY: DigestInputs = {
  inventory: [], alertTrend: [], secureScore: [], summary: { all: undefined, 1: undefined, 2: undefined, 3: undefined },
  recommendations: [], attackPaths: [], overdue: [], register: [], compliance: [], topCallers: [], resolved: [], pending: [], decisions: [],
};

const fact = (facts: { title: string; value: string }[], title: string) => facts.find((f) => f.title === title)?.value;

describe('weekly digest for a fixed simulated week', () => {
  let inputs: DigestInputs;
  let data: DigestCardData;
  let truth: Independent;

  before(async () => {
    const tenant = createSimulatedTenant({ now: DEFAULT_NOW });
    inputs = await gatherDigestInputs({ runner: new EmbeddedQueryRunner(tenant, { now: () => DEFAULT_NOW }), catalog: loadCatalog(), zoneTag: 'governance-zone', registerEntries: async () => [] }, { trendDays: 30, from: PERIOD.previousStart, to: PERIOD.end });
    data = buildDigestData(inputs, PERIOD, OPTIONS);
    truth = computeIndependently(tenant, PERIOD.end);
  });

  it('equals the expected card data (test/digest/expected-weekly.json; UPDATE_FIXTURES=1 rewrites it)', () => {
    if (process.env.UPDATE_FIXTURES === '1' || !existsSync(FIXTURE)) writeFileSync(FIXTURE, `${JSON.stringify(data, null, 2)}\n`);
    assert.deepEqual(JSON.parse(JSON.stringify(data)), JSON.parse(readFileSync(FIXTURE, 'utf8')));
  });

  it('states its period in the committee time zone', () => {
    assert.equal(data.period, 'Week: Mon 9 Jun 2025, 10:00 – Mon 16 Jun 2025, 10:00 (America/New_York). Changes compare with the 7 days before.');
  });

  it('inventory: resource count and unknown zones match the resources table', () => {
    assert.match(data.inventory.headline, new RegExp(`^${truth.resources} AI resources, ${truth.unknownZone} without a valid zone tag`));
    assert.equal(data.inventory.rows.reduce((s, r) => s + Number(r.total), 0), truth.resources);
  });

  it('secure score per zone matches the healthy share of assessments', () => {
    const pct = (v: number | null) => (v === null ? 'n/a' : `${v}%`);
    assert.equal(data.kpis[0]!.value, pct(truth.healthyPct.all));
    for (const z of [1, 2, 3] as const) assert.equal(data.score.chart[z - 1]!.y, truth.healthyPct[z]);
  });

  it('threat trend: weekly counts by severity and their WoW change match SecurityAlert', () => {
    for (const sev of ['High', 'Medium', 'Low']) {
      const now = truth.alerts.thisWeek[sev] ?? 0;
      assert.equal(fact(data.threats.facts, sev), `${now} (${countChange(now, truth.alerts.lastWeek[sev] ?? 0).text})`);
    }
    const total = Object.values(truth.alerts.thisWeek).reduce((a, b) => a + b, 0);
    assert.equal(data.kpis[1]!.value, String(total));
    assert.equal(data.threats.series.length, 3);
    assert.ok(data.threats.series.every((s) => s.values.length === 30));
    assert.equal(data.threats.series.flatMap((s) => s.values.slice(-7)).reduce((a, v) => a + v.y, 0), total);
  });

  it('top risks and SLA breaches match assessments, governance assignments and attack paths', () => {
    assert.match(data.risks.headline, new RegExp(`^${truth.openRecommendations} open AI recommendations \\(${truth.highRecommendations} high\\)`));
    assert.match(data.risks.headline, new RegExp(`${truth.attackPaths} attack paths reach AI resources \\(${truth.criticalPaths} critical\\)`));
    assert.deepEqual(data.sla.chart.map((c) => c.y), [truth.overdueByZone[1], truth.overdueByZone[2], truth.overdueByZone[3]]);
    assert.equal(data.kpis[2]!.value, String(truth.overdueByZone[1] + truth.overdueByZone[2] + truth.overdueByZone[3]));
  });

  it('risk register counts match the policy exemptions', () => {
    assert.match(fact(data.register.facts, 'In force')!, new RegExp(`^${truth.register.inForce} `));
    assert.equal(fact(data.register.facts, 'Expiring within 30 days'), String(truth.register.expiringSoon));
    assert.equal(fact(data.register.facts, 'Expired, not re-decided'), String(truth.register.expired));
  });

  it('counts acceptances granted and findings reopened this week from the decision register, with WoW', () => {
    const entry = (at: string, verb: string, before: string, after: string) => ({ verb, zone: 3, at, before: { status: before }, after: { status: after } });
    const d = buildDigestData({ ...inputs, decisions: [
      entry('2025-06-12T15:00:00.000Z', 'approve', 'pending_acceptance', 'risk_accepted'),
      entry('2025-06-13T15:00:00.000Z', 'accept_risk', 'open', 'risk_accepted'),
      entry('2025-06-13T16:00:00.000Z', 'approve', 'pending_acceptance', 'pending_acceptance'),
      entry('2025-06-05T15:00:00.000Z', 'accept_risk', 'claimed', 'risk_accepted'),
      entry('2025-06-14T00:00:00.000Z', 'expire', 'risk_accepted', 'open'),
    ] }, PERIOD, OPTIONS);
    assert.equal(fact(d.register.facts, 'Granted this week'), '2 (▲ 100% WoW)');
    assert.equal(fact(d.register.facts, 'Reopened this week'), '1 (new)');
  });

  it('API usage matches the diagnostics of the ten busiest callers', () => {
    assert.equal(fact(data.usage.facts, 'Requests'), truth.topCallerRequests.toLocaleString('en-US'));
    assert.equal(fact(data.usage.facts, 'Tokens'), truth.topCallerTokens.toLocaleString('en-US'));
  });

  it('links to the evidence exports for the period when a download endpoint is configured', () => {
    assert.deepEqual(data.exports.map((e) => e.url), ['inventory', 'recommendations', 'attack-paths', 'alerts'].map((n) => `https://evidence.contoso.example/exports/${n}.csv?from=2025-06-09&to=2025-06-16`));
    assert.deepEqual(buildDigestData(inputs, PERIOD, { ...OPTIONS, exportBaseUrl: undefined }).exports, []);
  });

  it('remediation velocity: median time to remediate this week against the zone SLA', () => {
    const resolved = (zone: 1 | 2 | 3, severity: 'high' | 'medium', days: number, fixedDaysAgo: number): Finding => {
      const lastSeen = new Date(DEFAULT_NOW.getTime() - fixedDaysAgo * 86_400_000);
      return { key: `k${zone}${days}${fixedDaysAgo}`, kind: 'recommendation', tenantId: 't', title: 'x', severity, resource: { id: 'r', name: 'r', kind: 'Azure OpenAI', zone, zoneKnown: true }, status: 'resolved', firstSeen: new Date(lastSeen.getTime() - days * 86_400_000), lastSeen, details: {}, version: 2 };
    };
    // Zone 3 high: SLA 7 days. 2 d and 10 d this week → median 6 d, half within SLA; the 1 d one was last week.
    const d = buildDigestData({ ...inputs, resolved: [resolved(3, 'high', 2, 1), resolved(3, 'high', 10, 3), resolved(3, 'high', 1, 9)] }, PERIOD, OPTIONS);
    assert.equal(fact(d.sla.velocity, 'Zone 3 · Regulated'), '2 fixed · median 6 d · 50% within SLA');
    assert.equal(fact(d.sla.velocity, 'Zone 1 · Baseline'), 'no remediations this week');
    assert.match(d.sla.velocityNote, /2 fixed this week \(▲ 100% WoW\)/);
  });

  it('a zero previous week reads "new", never a division by zero', () => {
    const day = (d: number) => new Date(Date.UTC(2025, 5, d));
    const d = buildDigestData({ ...EMPTY, alertTrend: [{ Day: day(12), Severity: 'High', Alerts: 4 }] }, PERIOD, OPTIONS);
    assert.equal(fact(d.threats.facts, 'High'), '4 (new)');
    assert.equal(fact(d.threats.facts, 'Medium'), '0 (no change)');
    assert.equal(d.kpis[1]!.change, 'new');
    assert.doesNotMatch(JSON.stringify(d), /NaN|Infinity/);
  });

  it('a week with no data renders a valid card that says so', () => {
    const d = buildDigestData(EMPTY, PERIOD, { ...OPTIONS, exportBaseUrl: undefined });
    assert.doesNotMatch(JSON.stringify(d), /NaN|Infinity|undefined/);
    assert.equal(d.kpis[0]!.value, 'n/a');
    assert.equal(d.kpis[1]!.value, '0');
    assert.equal(d.decisions.note, 'No Zone 3 risk acceptance awaits the committee.');
    const card = renderCard('digest', d);
    assert.deepEqual(validateCard(card), []);
  });

  it('the largest realistic digest stays under Teams\' 28 KB message limit', () => {
    const pending: PendingAcceptance[] = Array.from({ length: 12 }, (_, i) => ({
      findingKey: `recommendation:/subscriptions/3f8c2a71-5d4e-4b9a-9c1e-7a2b6d0e4f18/resourcegroups/rg-chatbot-prod/providers/microsoft.cognitiveservices/accounts/oai-customer-chatbot-prod-${i}|${'f'.repeat(36)}`,
      version: 7,
      title: 'Azure AI Services resources should use Azure Private Link',
      resourceName: `oai-customer-chatbot-prod-${i}`,
      requestedBy: 'marcus.johnson@contoso.com',
      justification: 'Vendor telephony platform cannot use Private Link yet; IP allow-list and Defender for AI monitoring in place until the Q4 migration.',
      expiresOn: new Date('2025-09-14T00:00:00Z'),
      approvals: 1,
      required: 2,
    }));
    const newResources = Array.from({ length: 40 }, (_, i) => ({ ...inputs.inventory[0], ResourceName: `shadow-ai-resource-with-a-long-name-${i}`, CreatedAt: new Date(DEFAULT_NOW.getTime() - 86_400_000) }));
    const big = buildDigestData({ ...inputs, pending, inventory: [...inputs.inventory, ...newResources] }, PERIOD, OPTIONS);
    const card = renderCard('digest', big);
    const bytes = Buffer.byteLength(JSON.stringify({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }));
    assert.ok(bytes < TEAMS_LIMIT, `digest message is ${bytes} bytes`);
    assert.ok(bytes > 20 * 1024, `the "largest" digest should be near the limit, is ${bytes} bytes`);
    assert.deepEqual(validateCard(card), []);
  });
});
