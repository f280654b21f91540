/**
 * How each catalog answer reads: page size, the count noun, the CLI's columns, follow-up questions and any
 * computed extras (chart series, headline numbers). The card layout itself is cards/answer-<id>.json.
 */
import type { CatalogIntent, Slots } from '../domain/intents';
import { formatNumber } from './format';
import type { RawRow } from './columns';

export interface AnswerView {
  /** Rows per card page; 0 shows every row (charts, one-row summaries). */
  pageSize: number;
  noun: [singular: string, plural: string];
  /** What an empty result means, in words. */
  emptyText: string;
  /** Columns the CLI prints, in order (the card templates choose their own). */
  cli: string[];
  /** Two or three questions worth asking next, keeping the zone where it matters. */
  followUps(slots: Slots): string[];
  /** Card fields computed from all rows, not only the page (charts, headline numbers). */
  extras?(rows: RawRow[]): Record<string, unknown>;
}

const inZone = (s: Slots) => (s.zone !== undefined ? ` in zone ${s.zone}` : '');
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** One Chart.Line series per severity, zero-filled so every line covers every day. */
function alertTrendExtras(rows: RawRow[]): Record<string, unknown> {
  const days = [...new Set(rows.map((r) => day(r.Day)))].sort();
  const order = ['High', 'Medium', 'Low', 'Informational'];
  const severities = [...new Set(rows.map((r) => String(r.Severity)))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const colors: Record<string, string> = { High: 'categoricalRed', Medium: 'categoricalMarigold', Low: 'categoricalBlue', Informational: 'categoricalLavender' };
  const series = severities.map((sev) => {
    const byDay = new Map(rows.filter((r) => r.Severity === sev).map((r) => [day(r.Day), num(r.Alerts)]));
    return { legend: sev, color: colors[sev] ?? 'categoricalTeal', values: days.map((d) => ({ x: d, y: byDay.get(d) ?? 0 })) };
  });
  const totals = severities.map((sev) => ({ title: sev, value: formatNumber(rows.filter((r) => r.Severity === sev).reduce((a, r) => a + num(r.Alerts), 0), 'long') }));
  const total = rows.reduce((a, r) => a + num(r.Alerts), 0);
  return { series, totals, total: formatNumber(total, 'long'), firstDay: days[0] ?? '', lastDay: days.at(-1) ?? '' };
}

function secureScoreExtras(rows: RawRow[]): Record<string, unknown> {
  const first = rows[0];
  const last = rows.at(-1);
  const change = first && last ? num(last.Percentage) - num(first.Percentage) : 0;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return {
    score: last ? `${formatNumber(num(last.Percentage), 'real')}%` : '—',
    points: last ? `${formatNumber(num(last.CurrentScore), 'real')} of ${formatNumber(num(last.MaxScore), 'long')} points · ${num(last.Subscriptions)} subscriptions` : '',
    change: `${sign}${formatNumber(Math.abs(change), 'real')} points since ${first ? day(first.Day) : '—'}`,
    changeColor: change < 0 ? 'Attention' : 'Good',
    series: [{ legend: 'Secure score %', color: 'categoricalBlue', values: rows.map((r) => ({ x: day(r.Day), y: num(r.Percentage) })) }],
  };
}

function barsOf(rows: RawRow[], label: string, value: string): Record<string, unknown> {
  return { bars: rows.map((r) => ({ x: String(r[label]), y: num(r[value]) })) };
}

function execSummaryExtras(rows: RawRow[]): Record<string, unknown> {
  const r = rows[0] ?? {};
  const healthy = num(r.HealthyRecommendations);
  return {
    donut: [
      { legend: 'Healthy', value: healthy, color: 'categoricalGreen' },
      { legend: 'Unhealthy', value: Math.max(0, num(r.Recommendations) - healthy), color: 'categoricalRed' },
    ],
  };
}

export const VIEWS: Record<CatalogIntent, AnswerView> = {
  attack_paths: {
    pageSize: 5,
    noun: ['attack path', 'attack paths'],
    emptyText: 'No attack path reaches an AI resource with these filters.',
    cli: ['RiskLevel', 'EntryPoint', 'Target', 'Zone', 'DisplayName'],
    followUps: (s) => [`show unhealthy AI recommendations${inZone(s)}`, `what is overdue${inZone(s)}`, `show AI alerts${inZone(s)} this week`],
  },
  alerts: {
    pageSize: 10,
    noun: ['alert', 'alerts'],
    emptyText: 'No Defender for AI alert matches these filters.',
    cli: ['TimeGenerated', 'Severity', 'AlertName', 'ResourceName', 'Zone'],
    followUps: (s) => ['show the AI alert trend this month', 'AI alerts from IPs with risky sign-ins this week', `show attack paths${inZone(s)}`],
  },
  recommendations: {
    pageSize: 10,
    noun: ['unhealthy recommendation', 'unhealthy recommendations'],
    emptyText: 'No unhealthy AI recommendation matches these filters: everything assessed is healthy.',
    cli: ['Severity', 'Recommendation', 'ResourceName', 'Zone', 'Owner', 'DueDate'],
    followUps: (s) => [`what is overdue${inZone(s)}`, "what's our AI secure score", 'show the risk register'],
  },
  secure_score: {
    pageSize: 0,
    noun: ['daily score', 'daily scores'],
    emptyText: 'No secure score snapshot was exported in this period.',
    cli: ['Day', 'Percentage', 'CurrentScore', 'MaxScore', 'Subscriptions'],
    extras: secureScoreExtras,
    followUps: () => ['show unhealthy AI recommendations', 'executive summary of AI security posture', 'compliance status by standard'],
  },
  inventory: {
    pageSize: 12,
    noun: ['AI resource', 'AI resources'],
    emptyText: 'No AI resource matches these filters.',
    cli: ['ResourceName', 'ResourceType', 'Zone', 'Owner', 'Cloud', 'Location'],
    followUps: (s) => [`show attack paths${inZone(s)}`, `show unhealthy AI recommendations${inZone(s)}`],
  },
  alert_trend: {
    pageSize: 0,
    noun: ['day × severity count', 'day × severity counts'],
    emptyText: 'No Defender for AI alert was raised in this period.',
    cli: ['Day', 'Severity', 'Alerts'],
    extras: alertTrendExtras,
    followUps: (s) => [`show high severity AI alerts${inZone(s)} this week`, 'jailbreak attempts this week'],
  },
  top_callers: {
    pageSize: 0,
    noun: ['caller', 'callers'],
    emptyText: 'No request to an AI endpoint was logged in this period.',
    cli: ['CallerIPAddress', 'Calls', 'FailedCalls', 'ThrottledCalls', 'TargetResources', 'TotalTokens', 'LastSeen'],
    extras: (rows) => barsOf(rows, 'CallerIPAddress', 'Calls'),
    followUps: () => ['any usage spikes on our AI endpoints', 'unusually large AI responses today'],
  },
  usage_anomalies: {
    pageSize: 10,
    noun: ['usage spike', 'usage spikes'],
    emptyText: "No caller's traffic in the last 24 hours is far above its own baseline.",
    cli: ['CallerIPAddress', 'ResourceName', 'Last24h', 'DailyAverage', 'Ratio', 'NewCaller', 'FirstSeen'],
    followUps: () => ['who are the top callers of our AI endpoints this week', 'denial of wallet alerts this week'],
  },
  large_responses: {
    pageSize: 10,
    noun: ['large response', 'large responses'],
    emptyText: 'No completion over 4,000 tokens in this period.',
    cli: ['TimeGenerated', 'CallerIPAddress', 'ResourceName', 'Deployment', 'CompletionTokens', 'ResponseBytes'],
    followUps: () => ['sensitive data alerts this week', 'who are the top callers of our AI endpoints this week'],
  },
  risky_signin_correlation: {
    pageSize: 8,
    noun: ['correlated alert', 'correlated alerts'],
    emptyText: 'No AI alert came from an IP with a risky sign-in in this period.',
    cli: ['AlertTime', 'AlertSeverity', 'AlertName', 'CallerIp', 'UserPrincipalName', 'RiskLevel', 'MinutesApart'],
    followUps: () => ['suspicious IP alerts this week', 'credential theft alerts this week'],
  },
  my_queue: {
    pageSize: 10,
    noun: ['finding assigned to you', 'findings assigned to you'],
    emptyText: 'Nothing is assigned to you right now.',
    cli: ['DueDate', 'Severity', 'Kind', 'Recommendation', 'ResourceName', 'Zone', 'Overdue', 'TrackedBy'],
    followUps: () => ['what is overdue', 'show the risk register'],
  },
  overdue: {
    pageSize: 10,
    noun: ['overdue remediation', 'overdue remediations'],
    emptyText: 'Nothing is past its remediation due date.',
    cli: ['DaysOverdue', 'Severity', 'Recommendation', 'ResourceName', 'Zone', 'Owner'],
    followUps: () => ["what's assigned to me", 'show the risk register'],
  },
  risk_register: {
    pageSize: 5,
    noun: ['exemption', 'exemptions'],
    emptyText: 'No accepted risk or compensating control is recorded with these filters.',
    cli: ['Decision', 'ResourceName', 'Zone', 'Summary', 'ApprovedBy', 'ExpiresOn'],
    followUps: (s) => [`what is overdue${inZone(s)}`, 'compliance status by standard'],
  },
  resource_summary: {
    pageSize: 10,
    noun: ['AI resource', 'AI resources'],
    emptyText: 'No AI resource matches these filters.',
    cli: ['ResourceName', 'Zone', 'UnhealthyRecommendations', 'OverdueRemediations', 'Alerts', 'ActiveAlerts', 'AttackPaths'],
    followUps: (s) => (s.resource ? [`show alerts on ${s.resource} this week`, `attack paths to ${s.resource}`] : ['show the AI inventory', 'show attack paths']),
  },
  compliance: {
    pageSize: 0,
    noun: ['standard', 'standards'],
    emptyText: 'No regulatory compliance data has been exported yet.',
    cli: ['Standard', 'PassRate', 'PassedControls', 'FailedControls', 'SkippedControls', 'FailedAssessments'],
    extras: (rows) => barsOf(rows, 'Standard', 'PassRate'),
    followUps: () => ['show unhealthy AI recommendations', "what's our AI secure score"],
  },
  exec_summary: {
    pageSize: 0,
    noun: ['summary', 'summaries'],
    emptyText: 'No posture data is available for this summary.',
    cli: ['AIResources', 'HealthyPct', 'UnhealthyHigh', 'OverdueRemediations', 'Alerts', 'HighAlerts', 'AttackPaths', 'CriticalAttackPaths'],
    extras: execSummaryExtras,
    followUps: () => ['show critical attack paths', 'what is overdue', 'show the risk register'],
  },
};
