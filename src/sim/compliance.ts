import { SecureScores, SecurityRegulatoryCompliance } from '../schemas';
import { SUBSCRIPTIONS, WORKSPACE } from './constants';
import { COMPLIANCE_STANDARDS } from './recommendation-catalog';
import { portalLink, type Assessment } from './recommendations';
import type { Rng } from './rng';
import { DAY, HOUR, makeRow, type Row } from './rows';

const POINTS = { Low: 1, Medium: 3, High: 6 } as const;

/** Healthy share of a subscription's evaluated assessments, weighted by severity (Defender's score idea). */
function scoreOf(assessments: readonly Assessment[], subscriptionId: string): { max: number; current: number } {
  let max = 0;
  let current = 0;
  for (const a of assessments) {
    if (a.profile.resource.subscriptionId !== subscriptionId || a.code === 'NotApplicable') continue;
    max += POINTS[a.def.severity];
    if (a.code === 'Healthy') current += POINTS[a.def.severity];
  }
  return { max, current };
}

/** SecureScores: one daily snapshot per subscription for 30 days, improving slowly toward today's score. */
export function secureScoreRows(rng: Rng, now: Date, assessments: readonly Assessment[]): Row[] {
  const rows: Row[] = [];
  const today = Math.floor(now.getTime() / DAY) * DAY;
  for (const sub of SUBSCRIPTIONS) {
    const { max, current } = scoreOf(assessments, sub.id);
    const id = `/subscriptions/${sub.id}/providers/Microsoft.Security/secureScores/ascScore`;
    for (let d = 29; d >= 0; d--) {
      const at = new Date(today - d * DAY + 3 * HOUR);
      if (at > now) continue;
      // A month ago the estate was ~12% worse; the score climbs with small day-to-day noise.
      const drift = (d / 29) * 0.12 * max;
      const cur = Math.max(0, Math.round((current - drift + (d === 0 ? 0 : (rng.next() - 0.5) * 0.04 * max)) * 100) / 100);
      const percentage = max === 0 ? 0 : Math.round((cur / max) * 10_000) / 10_000;
      rows.push(
        makeRow(SecureScores, {
          AssessedResourceId: id,
          _BilledSize: 620,
          CurrentScore: cur,
          DisplayName: 'ASC score',
          Environment: 'Azure',
          _IsBillable: 'False',
          IsSnapshot: true,
          MaxScore: max,
          PercentageScore: percentage,
          Properties: { displayName: 'ASC score', environment: 'Azure', score: { max, current: cur, percentage }, weight: max },
          _ResourceId: id,
          ResourceProviderType: 'Subscriptions',
          SecureScoresSubscriptionId: sub.id,
          SourceSystem: 'Azure',
          _SubscriptionId: sub.id,
          TenantId: WORKSPACE.customerId,
          TimeGenerated: at,
          Type: 'SecureScores',
          Weight: max,
        }),
      );
    }
  }
  return rows;
}

/** SecurityRegulatoryCompliance: per standard, control, recommendation and subscription, with passed/failed counts. */
export function complianceRows(now: Date, assessments: readonly Assessment[]): Row[] {
  const groups = new Map<string, { standard: string; control: string; a: Assessment; passed: number; failed: number; skipped: number }>();
  for (const a of assessments) {
    for (const standard of COMPLIANCE_STANDARDS) {
      const control = a.def.controls[standard];
      if (!control) continue;
      const key = `${standard}|${control}|${a.def.key}|${a.profile.resource.subscriptionId}`;
      const g = groups.get(key) ?? { standard, control, a, passed: 0, failed: 0, skipped: 0 };
      if (a.code === 'Healthy') g.passed++;
      else if (a.code === 'Unhealthy') g.failed++;
      else g.skipped++;
      groups.set(key, g);
    }
  }
  const at = new Date(now.getTime() - 4 * HOUR);
  return [...groups.values()].map((g) => {
    const sub = g.a.profile.resource.subscriptionId;
    const [controlId, ...nameParts] = g.control.split(' ');
    const standardId = g.standard.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '');
    const id = `/subscriptions/${sub}/providers/Microsoft.Security/regulatoryComplianceStandards/${standardId}/regulatoryComplianceControls/${controlId}/regulatoryComplianceAssessments/${g.a.def.key}`;
    const state = g.failed > 0 ? 'Failed' : g.passed > 0 ? 'Passed' : 'Skipped';
    return makeRow(SecurityRegulatoryCompliance, {
      AssessedResourceId: id,
      _BilledSize: 700,
      ComplianceControl: controlId,
      ComplianceStandard: g.standard,
      FailedResources: g.failed,
      _IsBillable: 'False',
      IsSnapshot: false,
      PassedResources: g.passed,
      Properties: { controlDisplayName: nameParts.join(' '), standardId, assessmentKey: g.a.def.key, assessmentType: 'Automated', state },
      RecommendationId: g.a.def.key,
      RecommendationLink: portalLink(g.a.def.key),
      RecommendationName: g.a.def.displayName,
      RegulatoryComplianceSubscriptionId: sub,
      _ResourceId: id,
      ResourceProviderType: 'Subscriptions',
      SkippedResources: g.skipped,
      SourceSystem: 'Azure',
      State: state,
      _SubscriptionId: sub,
      TenantId: WORKSPACE.customerId,
      TimeGenerated: at,
      Type: 'SecurityRegulatoryCompliance',
    });
  });
}
