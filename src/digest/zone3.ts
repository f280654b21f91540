import { periodLabel, type DigestPeriod } from '../domain/digest/period';
import { riskSection } from './content/risks';
import { zoneOf } from './content/common';
import type { PendingAcceptance, Row } from './gather';

/** The daily Zone 3 attack-path digest (Zone 3's review cadence is daily), bound to cards/digest-zone3.json. */
export interface Zone3CardData {
  title: string;
  period: string;
  source: string;
  headline: string;
  paths: { title: string; detail: string }[];
  overdue: string;
  pendingNote: string;
  details: { title: string; question: string }[];
}

export function buildZone3Data(paths: readonly Row[], overdue: readonly Row[], pending: PendingAcceptance[] | null, period: DigestPeriod, sourceLabel: string): Zone3CardData {
  const risks = riskSection([], paths, period, 3);
  const z3Overdue = overdue.filter((r) => zoneOf(r) === 3).length;
  return {
    title: 'Daily Zone 3 attack-path review',
    period: `Day: ${periodLabel(period)}.`,
    source: `Data: ${sourceLabel}.`,
    headline: risks.attackPathCount
      ? `${risks.attackPathCount} unresolved attack paths reach Zone 3 (regulated) AI resources; ${risks.criticalPaths} critical.`
      : 'No attack path reaches a Zone 3 (regulated) AI resource.',
    paths: risks.attackPaths.map((a) => ({ title: `${a.risk}: ${a.title}`, detail: `${a.entry} → ${a.target}` })),
    overdue: `${z3Overdue} Zone 3 remediations are past their SLA due date.`,
    pendingNote: pending === null ? 'Pending Zone 3 risk acceptances: decision register not available yet.' : `${pending.length} Zone 3 risk acceptance(s) await the committee.`,
    details: [
      { title: 'All Zone 3 attack paths', question: 'show Zone 3 attack paths' },
      { title: 'Zone 3 overdue', question: 'what is overdue in Zone 3' },
    ],
  };
}
