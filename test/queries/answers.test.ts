/** Each catalog query returns what the simulated tenant's data implies, computed independently in JS. */
import assert from 'node:assert/strict';
import { ATTACKER_IPS, LARGE_RESPONSE_CALLERS, SPIKE_CALLER } from '../../src/sim';
import * as X from './expected';
import { DAY, fixture, NOW, props, rowsOf, type Obj } from './fixture';

const HOUR = DAY / 24;
const sorted = <T>(xs: T[]): T[] => [...xs].sort();
const count = <T>(xs: T[], f: (x: T) => boolean): number => xs.filter(f).length;

describe('catalog answers on the simulated tenant', () => {
  before(() => fixture());

  it('attack_paths: every path to an AI resource, by the zone of its target; severity matches riskLevel', async () => {
    const zones = X.zones();
    const paths = X.attackPathTargets();
    const z3 = paths.filter((p) => zones.get(p.targetId)?.zone === 3).map((p) => p.id);
    assert.ok(z3.length > 0);
    assert.deepEqual(sorted((await rowsOf('attack_paths', { zone: 3 })).map((r) => String(r.AttackPathId))), sorted(z3));
    assert.equal((await rowsOf('attack_paths', { zone: 1 })).length, count(paths, (p) => zones.get(p.targetId)?.zone === 1));
    const critical = await rowsOf('attack_paths', { severity: 'critical' });
    assert.deepEqual(sorted(critical.map((r) => String(r.AttackPathId))), sorted(paths.filter((p) => p.risk === 'Critical').map((p) => p.id)));
    const chatbot = await rowsOf('attack_paths', { resource: 'OAI-CUSTOMER-CHATBOT-PROD' });
    assert.equal(chatbot.length, count(paths, (p) => zones.get(p.targetId)?.name === 'oai-customer-chatbot-prod'));
    assert.ok(chatbot.every((r) => r.Owner === 'marcus.johnson@contoso.com' && r.Zone === 3 && r.ZoneKnown === true));
  });

  it('alerts: Defender for AI alerts in the window, filtered by family and zone', async () => {
    const zones = X.zones();
    const week = X.aiAlertsArg(7 * DAY);
    assert.equal((await rowsOf('alerts')).length, week.length);
    const jailbreakZ3 = X.aiAlertsArg(14 * DAY).filter(
      (a) => /Jailbreak|ASCIISmuggling/.test(String(props(a).AlertType)) && (zones.get(X.alertResourceId(a))?.zone ?? 3) === 3,
    );
    const rows = await rowsOf('alerts', { alertType: 'jailbreak', zone: 3, timeRange: 'P14D' });
    assert.deepEqual(sorted(rows.map((r) => String(r.AlertId))), sorted(jailbreakZ3.map((a) => String(props(a).SystemAlertId))));
    assert.ok(rows.every((r) => r.Zone === 3));
  });

  it('recommendations: unhealthy assessments on AI resources of the zone, owner from the governance assignment', async () => {
    const zones = X.zones();
    const gov = X.assignments();
    const expected = X.assessments('Unhealthy').filter((a) => zones.get(X.assessmentResourceId(a))?.zone === 2);
    const rows = await rowsOf('recommendations', { zone: 2 });
    assert.deepEqual(sorted(rows.map((r) => String(r.AssessmentId))), sorted(expected.map((a) => String(a.id).toLowerCase())));
    for (const r of rows) {
      const g = gov.get(String(r.AssessmentId));
      assert.equal(r.Assigned, g !== undefined);
      assert.equal(r.Owner, g ? g.owner : zones.get(String(r.ResourceId))!.owner);
      if (g) assert.equal((r.DueDate as Date).toISOString(), g.remediationDueDate);
    }
  });

  it('secure_score: today\'s percentage is the summed current score over the summed max score', async () => {
    const today = new Date(Math.floor(NOW.getTime() / DAY) * DAY);
    const snaps = (X.tables().SecureScores as Obj[]).filter((s) => (s.TimeGenerated as Date) >= today);
    const cur = snaps.reduce((s, r) => s + Number(r.CurrentScore), 0);
    const max = snaps.reduce((s, r) => s + Number(r.MaxScore), 0);
    const rows = await rowsOf('secure_score');
    const last = rows[rows.length - 1]!;
    assert.equal((last.Day as Date).getTime(), today.getTime());
    assert.equal(last.MaxScore, max);
    assert.ok(Math.abs(Number(last.Percentage) - Math.round((1000 * cur) / max) / 10) < 0.051);
    assert.equal(rows.length, 30);
  });

  it('inventory: the AI estate per zone, unknown zone tags fail closed to Zone 3', async () => {
    const zones = [...X.zones().values()];
    assert.equal((await rowsOf('inventory')).length, zones.length);
    const z3 = await rowsOf('inventory', { zone: 3 });
    assert.equal(z3.length, count(zones, (z) => z.zone === 3));
    assert.deepEqual(z3.filter((r) => r.ZoneKnown === false).map((r) => r.ResourceName), ['ais-marketing-sandbox']);
    assert.equal((await rowsOf('inventory', { resourceType: 'ai_foundry' })).length, count(zones, (z) => z.resourceType === 'ai_foundry'));
  });

  it('alert_trend: one count per alert per day, totals equal the alerts in the window', async () => {
    const la = (X.tables().SecurityAlert as Obj[]).filter((a) => (a.TimeGenerated as Date).getTime() > NOW.getTime() - 30 * DAY && String(a.AlertType).startsWith('AI.'));
    const rows = await rowsOf('alert_trend');
    assert.equal(rows.reduce((s, r) => s + Number(r.Alerts), 0), new Set(la.map((a) => a.SystemAlertId)).size);
    const high = await rowsOf('alert_trend', { severity: 'high' });
    assert.equal(high.reduce((s, r) => s + Number(r.Alerts), 0), count(la, (a) => a.AlertSeverity === 'High'));
    const zones = X.zones();
    const z1 = await rowsOf('alert_trend', { zone: 1 });
    assert.equal(z1.reduce((s, r) => s + Number(r.Alerts), 0), count(la, (a) => zones.get(String(a.ResourceId).toLowerCase())?.zone === 1));
  });

  it('top_callers: the ten busiest callers of the week with their call counts', async () => {
    const calls = new Map<string, number>();
    for (const r of X.diagnostics(7 * DAY)) calls.set(String(r.CallerIPAddress), (calls.get(String(r.CallerIPAddress)) ?? 0) + 1);
    const top = [...calls.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
    const rows = await rowsOf('top_callers');
    assert.deepEqual(rows.map((r) => [r.CallerIPAddress, r.Calls]), top);
  });

  it('usage_anomalies: the SPIKE_CALLER with its real-valued ratio to its own daily average', async () => {
    const own = X.diagnostics(30 * DAY).filter((r) => r.CallerIPAddress === SPIKE_CALLER.ip && String(r.Resource).toLowerCase() === SPIKE_CALLER.resource);
    const t = own.map((r) => (r.TimeGenerated as Date).getTime());
    const recentStart = NOW.getTime() - DAY;
    const last24 = count(t, (x) => x > recentStart);
    const earlier = t.length - last24;
    const days = (recentStart - Math.max(Math.min(...t), NOW.getTime() - 30 * DAY)) / DAY;
    const ratio = last24 / (earlier / days);
    const rows = await rowsOf('usage_anomalies');
    const spike = rows.find((r) => r.CallerIPAddress === SPIKE_CALLER.ip && r.ResourceName === SPIKE_CALLER.resource);
    assert.ok(spike, 'spike caller listed');
    assert.equal(spike.Last24h, last24);
    assert.ok(Math.abs(Number(spike.Ratio) - ratio) < 0.051, `ratio ${String(spike.Ratio)} vs ${ratio}`);
    assert.ok(ratio > 4 && ratio < 8, 'about 6x its average');
    // The lab's count()/30 (long division) would give a whole-number average; ours is real.
    assert.notEqual(Number(spike.DailyAverage) % 1, 0);
    assert.equal(rows[0]!.CallerIPAddress, SPIKE_CALLER.ip);
    assert.deepEqual(await rowsOf('usage_anomalies', { zone: 1 }), []);
  });

  it('large_responses: completions over 4,000 tokens in the last day, exactly the LARGE_RESPONSE_CALLERS', async () => {
    const big = X.diagnostics(DAY).filter((r) => X.completionTokens(r) > 4000);
    const rows = await rowsOf('large_responses');
    assert.equal(rows.length, big.length);
    assert.deepEqual(sorted([...new Set(rows.map((r) => String(r.CallerIPAddress)))]), sorted(LARGE_RESPONSE_CALLERS.map((c) => c.ip)));
    assert.ok(rows.every((r) => Number(r.CompletionTokens) > 4000));
    assert.equal(rows[0]!.CompletionTokens, Math.max(...big.map(X.completionTokens)));
    const attacker = await rowsOf('large_responses', { resource: 'oai-customer-chatbot-prod' });
    assert.deepEqual([...new Set(attacker.map((r) => r.CallerIPAddress))], ['45.134.26.91']);
  });

  it('risky_signin_correlation: AI alerts joined to risky sign-ins from the same IP within two hours', async () => {
    const t = X.tables();
    const alerts = (t.SecurityAlert as Obj[]).filter((a) => (a.TimeGenerated as Date).getTime() > NOW.getTime() - 7 * DAY && String(a.AlertType).startsWith('AI.'));
    const risky = (t.SigninLogs as Obj[]).filter((s) => ['medium', 'high'].includes(String(s.RiskLevelDuringSignIn)) && (s.TimeGenerated as Date).getTime() > NOW.getTime() - 7 * DAY - 2 * HOUR);
    const pairs: string[] = [];
    for (const a of alerts) {
      const ip = (JSON.parse(String(a.ExtendedProperties)) as { CallerIpAddress: string }).CallerIpAddress;
      for (const s of risky) {
        if (s.IPAddress === ip && Math.abs((a.StartTime as Date).getTime() - (s.TimeGenerated as Date).getTime()) <= 2 * HOUR) pairs.push(`${String(a.AlertName)}|${String(s.UserPrincipalName)}|${ip}`);
      }
    }
    const rows = await rowsOf('risky_signin_correlation');
    assert.ok(rows.length > 0);
    assert.deepEqual(sorted(rows.map((r) => `${String(r.AlertName)}|${String(r.UserPrincipalName)}|${String(r.CallerIp)}`)), sorted(pairs));
    assert.ok(rows.every((r) => ATTACKER_IPS.includes(String(r.CallerIp)) && Number(r.MinutesApart) <= 120));
  });

  it('my_queue and overdue: governance assignments by owner and past due date', async () => {
    const gov = X.assignments();
    const unhealthy = new Set(X.assessments('Unhealthy').map((a) => String(a.id).toLowerCase()));
    const priya = [...gov.entries()].filter(([id, g]) => unhealthy.has(id) && g.owner === 'priya.shah@contoso.com');
    const mine = await rowsOf('my_queue', { user: 'Priya.Shah@contoso.com' });
    assert.deepEqual(sorted(mine.map((r) => String(r.AssessmentId))), sorted(priya.map(([id]) => id)));
    assert.deepEqual(await rowsOf('my_queue', { user: 'nobody@contoso.com' }), []);
    const late = [...gov.entries()].filter(([id, g]) => unhealthy.has(id) && Date.parse(String(g.remediationDueDate)) < NOW.getTime());
    const overdue = await rowsOf('overdue');
    assert.ok(late.length > 0);
    assert.deepEqual(sorted(overdue.map((r) => String(r.AssessmentId))), sorted(late.map(([id]) => id)));
    for (const r of overdue) assert.ok(Math.abs(Number(r.DaysOverdue) - (NOW.getTime() - (r.DueDate as Date).getTime()) / DAY) < 0.051);
  });

  it('risk_register: Waiver = risk accepted, Mitigated = compensating control; the lapsed waiver is flagged expired', async () => {
    const exemptions = (X.tables().policyresources as Obj[]).filter((e) => e.type === 'microsoft.authorization/policyexemptions');
    const rows = await rowsOf('risk_register');
    assert.equal(rows.length, exemptions.length);
    for (const r of rows) assert.equal(r.Decision, r.Category === 'Waiver' ? 'Risk accepted' : 'Compensating control');
    assert.deepEqual(rows.filter((r) => r.Expired === true).map((r) => r.ResourceName), ['mlw-churn-analytics-dev']);
    assert.equal((await rowsOf('risk_register', { zone: 3 })).map((r) => r.ResourceName).join(), 'ais-contact-center-prod');
  });

  it('resource_summary: per-resource counters agree with the raw rows', async () => {
    const id = fixture().tenant.resources.find((r) => r.name === 'oai-customer-chatbot-prod')!.id.toLowerCase();
    const [row] = await rowsOf('resource_summary', { resource: 'oai-customer-chatbot-prod' });
    assert.ok(row);
    assert.equal(row.AttackPaths, count(X.attackPathTargets(), (p) => p.targetId === id));
    assert.equal(row.Alerts, count(X.aiAlertsArg(30 * DAY), (a) => X.alertResourceId(a) === id));
    assert.equal(row.UnhealthyRecommendations, count(X.assessments('Unhealthy'), (a) => X.assessmentResourceId(a) === id));
  });

  it('compliance: one row per standard with its controls counted once', async () => {
    const latest = X.tables().SecurityRegulatoryCompliance as Obj[];
    const controls = new Map<string, Set<string>>();
    for (const r of latest) controls.set(String(r.ComplianceStandard), (controls.get(String(r.ComplianceStandard)) ?? new Set()).add(String(r.ComplianceControl)));
    const rows = await rowsOf('compliance');
    assert.deepEqual(sorted(rows.map((r) => String(r.Standard))), sorted([...controls.keys()]));
    for (const r of rows) {
      assert.equal(r.Controls, controls.get(String(r.Standard))!.size);
      assert.equal(Number(r.PassedControls) + Number(r.FailedControls) + Number(r.SkippedControls), r.Controls);
    }
  });

  it('exec_summary: one row whose counters match the estate', async () => {
    const zones = X.zones();
    const evaluated = X.assessments().filter((a) => ['Healthy', 'Unhealthy'].includes(String((props(a).status as Obj).code)) && zones.has(X.assessmentResourceId(a)));
    const healthy = count(evaluated, (a) => (props(a).status as Obj).code === 'Healthy');
    const [row, ...rest] = await rowsOf('exec_summary');
    assert.equal(rest.length, 0);
    assert.equal(row!.AIResources, zones.size);
    assert.equal(row!.UnknownZoneResources, 1);
    assert.equal(row!.Recommendations, evaluated.length);
    assert.equal(row!.HealthyRecommendations, healthy);
    assert.equal(row!.HealthyPct, Math.round((1000 * healthy) / evaluated.length) / 10);
    assert.equal(row!.AttackPaths, X.attackPathTargets().length);
    assert.equal(row!.Alerts, X.aiAlertsArg(30 * DAY).length);
  });
});
