import type { Change } from '../domain/digest/metrics';
import { periodLabel, type DigestPeriod } from '../domain/digest/period';
import type { Zone, ZonePolicy } from '../domain/zones';
import { thousands } from './content/common';
import { inventorySection, scoreSection, usageSection } from './content/posture';
import { complianceSection, registerSection, riskSection, slaSection } from './content/risks';
import { threatSection } from './content/threats';
import type { DigestInputs } from './gather';

/** The weekly digest's figures, ready to bind to cards/digest.json (the tests snapshot exactly this). */
export interface DigestCardData {
  title: string;
  period: string;
  source: string;
  kpis: { label: string; value: string; change: string; color: string }[];
  score: { overall: string; target: string; chart: { x: string; y: number }[]; zones: { title: string; value: string }[]; defender: string };
  threats: { headline: string; series: { legend: string; values: { x: string; y: number }[] }[]; facts: { title: string; value: string }[] };
  risks: { headline: string; recommendations: { title: string; detail: string }[]; paths: { title: string; detail: string }[] };
  sla: { headline: string; chart: { x: string; y: number }[]; facts: { title: string; value: string }[]; velocity: { title: string; value: string }[]; velocityNote: string };
  register: { facts: { title: string; value: string }[]; expiring: { title: string; detail: string }[] };
  decisions: { note: string; items: { title: string; detail: string; findingKey: string; version: number }[]; canDecide: boolean };
  inventory: { headline: string; rows: { type: string; z1: string; z2: string; z3: string; total: string }[]; newNote: string; newResources: { title: string; detail: string }[] };
  compliance: { facts: { title: string; value: string }[] };
  usage: { facts: { title: string; value: string }[] };
  exports: { title: string; url: string }[];
  details: { title: string; question: string }[];
}

export interface DigestOptions {
  policies: Record<Zone, ZonePolicy>;
  sourceLabel: string;
  trendDays: number;
  exportBaseUrl?: string;
}

/** Long lists are cut so the card stays under Teams' ~28 KB message limit; "Details" buttons and exports have the rest. */
const MAX_PENDING = 5;
const MAX_NEW = 6;
const COLOR = { good: 'Good', bad: 'Attention', neutral: 'Default' } as const;
/** For figures where a rise is bad news (alerts, breaches), ▲ is red. */
const colorOf = (c: Change, riseIsBad = true): string =>
  c.direction === 'up' ? (riseIsBad ? COLOR.bad : COLOR.good) : c.direction === 'down' ? (riseIsBad ? COLOR.good : COLOR.bad) : COLOR.neutral;
const pct = (v: number | null): string => (v === null ? 'n/a' : `${v}%`);
const withChange = (value: string | number, c: Change): string => `${value} (${c.text})`;

export const EXPORTS = [
  { name: 'inventory', title: 'AI inventory (CSV)' },
  { name: 'recommendations', title: 'AI recommendations (CSV)' },
  { name: 'attack-paths', title: 'Attack paths (CSV)' },
  { name: 'alerts', title: 'Alerts (CSV)' },
] as const;

export function buildDigestData(inputs: DigestInputs, period: DigestPeriod, options: DigestOptions): DigestCardData {
  const score = scoreSection(inputs.summary, inputs.secureScore, period);
  const threats = threatSection(inputs.alertTrend, period, options.trendDays);
  const risks = riskSection(inputs.recommendations, inputs.attackPaths, period);
  const sla = slaSection(inputs.overdue, inputs.recommendations, inputs.resolved, options.policies, period);
  const register = registerSection(inputs.register, inputs.decisions, period);
  const inventory = inventorySection(inputs.inventory, period);
  const compliance = complianceSection(inputs.compliance);
  const usage = usageSection(inputs.topCallers);
  const pending = inputs.pending;
  const from = period.start.toISOString().slice(0, 10);
  const to = period.end.toISOString().slice(0, 10);

  return {
    title: 'Weekly AI security digest · Model Risk Committee',
    period: `Week: ${periodLabel(period)}. Changes compare with the 7 days before.`,
    source: `Data: ${options.sourceLabel}.`,
    kpis: [
      { label: 'AI secure score', value: pct(score.overall), change: `target ${score.target}%`, color: score.overall !== null && score.overall >= score.target ? COLOR.good : COLOR.bad },
      { label: 'AI threat alerts', value: String(threats.total), change: threats.change.text, color: colorOf(threats.change) },
      { label: 'SLA breaches', value: String(sla.breaches), change: sla.breachChange.text, color: colorOf(sla.breachChange) },
      { label: 'Awaiting committee', value: pending === null ? 'n/a' : String(pending.length), change: 'Zone 3 acceptances', color: pending?.length ? COLOR.bad : COLOR.neutral },
    ],
    score: {
      overall: `AI secure score (healthy share of AI recommendations, now): ${pct(score.overall)} against the ${score.target}% target.`,
      target: `${score.target}%`,
      chart: score.byZone.map((z) => ({ x: z.zone, y: z.score ?? 0 })),
      zones: score.byZone.map((z) => ({ title: z.zone, value: `${pct(z.score)}: ${z.gap}` })),
      defender: `Defender secure score (all subscriptions): ${score.defender.percentage === null ? 'n/a' : `${score.defender.percentage}%`} (${score.defender.change.text}).`,
    },
    threats: {
      headline: `${threats.total} Defender for AI alerts this week (${threats.change.text}); daily counts over ${threats.trendDays} days (UTC).`,
      series: threats.series,
      facts: threats.bySeverity.map((s) => ({ title: s.severity, value: withChange(s.count, s.change) })),
    },
    risks: {
      headline: `${risks.openRecommendations} open AI recommendations (${risks.highRecommendations} high); ${risks.newlyUnhealthy.current} newly unhealthy this week (${risks.newlyUnhealthy.text}). ${risks.attackPathCount} attack paths reach AI resources (${risks.criticalPaths} critical).`,
      recommendations: risks.recommendations.map((r) => ({ title: `${r.severity}: ${r.title}`, detail: `${r.resource} · ${r.zone} · ${r.owner} · ${r.due}` })),
      paths: risks.attackPaths.map((a) => ({ title: `${a.risk}: ${a.title}`, detail: `${a.entry} → ${a.target} · ${a.zone}` })),
    },
    sla: {
      headline: `${sla.breaches} remediations past their SLA due date (${sla.breachChange.text}); ${sla.dueThisWeek} due in the next 7 days.`,
      chart: sla.byZone.map((z) => ({ x: z.zone, y: z.breaches })),
      facts: sla.byZone.map((z) => ({ title: z.zone, value: `${z.breaches} overdue · ${z.dueThisWeek} due next 7 days` })),
      velocity: (sla.velocity ?? []).map((v) => ({ title: v.zone, value: v.remediated ? `${v.remediated} fixed · median ${v.median} · ${v.withinSla}` : 'no remediations this week' })),
      velocityNote: sla.velocity === null ? 'Remediation velocity: no finding history in the store yet.' : `Remediation velocity (time to remediate vs the zone SLA for the severity): ${sla.velocityChange.current} fixed this week (${sla.velocityChange.text}).`,
    },
    register: {
      facts: [
        { title: 'In force', value: `${register.inForce} (${register.riskAccepted} risk accepted, ${register.compensating} compensating controls)` },
        { title: 'Expiring within 30 days', value: String(register.expiringSoon) },
        { title: 'Expired, not re-decided', value: String(register.expired) },
        { title: 'Granted this week', value: register.granted ? withChange(register.granted.current, register.granted) : 'n/a (no decision register)' },
        { title: 'Reopened this week', value: register.reopened ? withChange(register.reopened.current, register.reopened) : 'n/a (no decision register)' },
      ],
      expiring: register.expiring.map((e) => ({ title: `${e.resource}: ${e.expires}`, detail: `${e.summary} · ${e.zone}` })),
    },
    decisions:
      pending === null
        ? { note: 'Pending Zone 3 risk acceptances appear here once the triage decision register is available.', items: [], canDecide: false }
        : {
            note: pending.length
              ? `${pending.length} Zone 3 risk acceptance(s) need committee approval (two members, neither the requester)${pending.length > MAX_PENDING ? `; the ${MAX_PENDING} oldest are below` : ''}.`
              : 'No Zone 3 risk acceptance awaits the committee.',
            items: pending.slice(0, MAX_PENDING).map((a) => ({
              title: `${a.resourceName}: ${a.title}`,
              detail: `Requested by ${a.requestedBy} until ${a.expiresOn.toISOString().slice(0, 10)} · ${a.approvals} of ${a.required} approvals · "${a.justification}"`,
              findingKey: a.findingKey,
              version: a.version,
            })),
            canDecide: true,
          },
    inventory: {
      headline: `${inventory.total} AI resources${inventory.unknownZone ? `, ${inventory.unknownZone} without a valid zone tag (treated as Zone 3)` : ''}.`,
      rows: inventory.byType.map((t) => ({ type: t.type, z1: String(t.z1), z2: String(t.z2), z3: String(t.z3), total: String(t.total) })),
      newNote:
        inventory.newResources === null
          ? 'New AI resources this week: n/a (the inventory query returns no creation time).'
          : `New AI resources this week (possible shadow AI): ${inventory.newResources.length} (${inventory.newChange.text})${inventory.newResources.length > MAX_NEW ? `; the first ${MAX_NEW} are below, the inventory export has all` : ''}.`,
      newResources: (inventory.newResources ?? []).slice(0, MAX_NEW).map((r) => ({ title: r.name, detail: `${r.type} · ${r.zone} · ${r.owner} · created ${r.created}` })),
    },
    compliance: { facts: compliance.standards.map((s) => ({ title: s.standard, value: `${s.passRate} of controls pass (${s.passed} passed, ${s.failed} failed)` })) },
    usage: {
      facts: [
        { title: 'Requests', value: thousands(usage.requests) },
        { title: 'Callers', value: String(usage.callers) },
        { title: 'Tokens', value: thousands(usage.tokens) },
        { title: 'Failed / throttled', value: `${thousands(usage.failed)} / ${thousands(usage.throttled)}` },
      ],
    },
    exports: options.exportBaseUrl
      ? EXPORTS.map((e) => ({ title: e.title, url: `${options.exportBaseUrl}/${e.name}.csv?from=${from}&to=${to}` }))
      : [],
    details: [
      { title: 'Recommendations', question: 'show high severity recommendations' },
      { title: 'Attack paths', question: 'show attack paths' },
      { title: 'Overdue', question: 'what is overdue' },
      { title: 'Risk register', question: 'show the risk register' },
    ],
  };
}
