import { ALL_TABLES } from '../schemas';
import { ALERT_DEFINITIONS } from './alert-catalog';
import { alertTargets, buildAlert, DEFAULT_ALERT_COUNT, generateAlerts } from './alerts';
import { attackPathRows } from './attack-paths';
import { complianceRows, secureScoreRows } from './compliance';
import { DEFAULT_NOW, DEFAULT_SEED, SUBSCRIPTIONS } from './constants';
import { DEFAULT_DIAGNOSTICS_ROWS, generateDiagnostics } from './diagnostics';
import { applyExemptions, exemptionRows, governanceRows } from './governance';
import { assessmentRows, evaluateAssessments, recommendationRows } from './recommendations';
import { policyStateRows } from './policy';
import { buildResources, resourceRows, type SimResource } from './resources';
import { hash32, Rng } from './rng';
import type { Row } from './rows';
import { generateSignins } from './signins';

export interface SimulatedTenant {
  readonly seed: number;
  readonly now: Date;
  /** Every table in ALL_TABLES, keyed by exact table name. */
  readonly tables: Record<string, Row[]>;
  readonly resources: readonly SimResource[];
  readonly subscriptions: readonly { id: string; name: string }[];
  /** Appends one new Defender for AI alert (SecurityAlert row + matching securityresources alert row) at `at`; deterministic sequence; returns the SecurityAlert row. */
  addTrickleAlert(at: Date): Row;
}

export interface SimulatedTenantOptions {
  seed?: number;
  /** The simulator's clock. Defaults to DEFAULT_NOW (a fixed date), never the wall clock. */
  now?: Date;
  /** Volume overrides for benchmarks: exact AzureDiagnostics row count and SecurityAlert row count. */
  scale?: { diagnosticsRows?: number; alerts?: number };
}

/**
 * Builds the simulated Contoso Bank tenant. Deterministic: the same seed and `now` give deep-equal tables.
 * Each table draws from its own forked generator, so changing one table's volume leaves the others unchanged.
 */
export function createSimulatedTenant(options: SimulatedTenantOptions = {}): SimulatedTenant {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = new Date((options.now ?? DEFAULT_NOW).getTime());
  const alertCount = checkCount(options.scale?.alerts ?? DEFAULT_ALERT_COUNT, 'scale.alerts');
  const diagnosticsCount = checkCount(options.scale?.diagnosticsRows ?? DEFAULT_DIAGNOSTICS_ROWS, 'scale.diagnosticsRows');
  const root = new Rng(seed);

  const profiles = buildResources(now);
  const assessments = evaluateAssessments(root.fork('assessments'), now, profiles);
  const exemptions = applyExemptions(now, assessments);
  const alerts = generateAlerts(root.fork('alerts'), now, profiles, alertCount);

  const tables: Record<string, Row[]> = Object.fromEntries(ALL_TABLES.map((t) => [t.name, [] as Row[]]));
  const put = (name: string, rows: Row[]) => {
    const target = tables[name];
    if (!target) throw new Error(`unknown table ${name}`);
    for (const r of rows) target.push(r);
  };
  put('SecurityAlert', alerts.map((a) => a.la));
  put('securityresources', alerts.map((a) => a.arg));
  put('securityresources', assessmentRows(assessments));
  put('securityresources', attackPathRows(profiles, assessments));
  put('securityresources', governanceRows(root.fork('governance'), now, assessments));
  put('policyresources', exemptionRows(exemptions));
  put('policyresources', policyStateRows(assessments));
  put('resources', resourceRows(profiles));
  put('SecurityRecommendation', recommendationRows(root.fork('recommendations'), now, assessments));
  put('SecureScores', secureScoreRows(root.fork('scores'), now, assessments));
  put('SecurityRegulatoryCompliance', complianceRows(now, assessments));
  tables.AzureDiagnostics = generateDiagnostics(root.fork('diagnostics'), now, profiles, diagnosticsCount);
  put('SigninLogs', generateSignins(root.fork('signins'), now, alerts.map((a) => a.event)));

  const targets = alertTargets(profiles);
  let trickle = 0;
  return {
    seed,
    now,
    tables,
    resources: profiles.map((p) => p.resource),
    subscriptions: SUBSCRIPTIONS.map((s) => ({ id: s.id, name: s.name })),
    addTrickleAlert(at: Date): Row {
      // Cycle through the 16 alert types and the covered resources; each step has its own generator.
      const seq = trickle++;
      const def = ALERT_DEFINITIONS[seq % ALERT_DEFINITIONS.length] as (typeof ALERT_DEFINITIONS)[number];
      const target = targets[(seq * 5) % targets.length] as (typeof targets)[number];
      // The activity happened before Defender raised the alert: start an hour back so that its end, and the
      // time it was generated (at most 57 minutes after the start), are not in the future.
      const start = new Date(at.getTime() - TRICKLE_LOOKBACK_MS);
      const pair = buildAlert(def, target, start, 'New', new Rng(hash32(`trickle:${seq}`, seed >>> 0)));
      (tables.SecurityAlert as Row[]).push(pair.la);
      (tables.securityresources as Row[]).push(pair.arg);
      return pair.la;
    },
  };
}

const TRICKLE_LOOKBACK_MS = 60 * 60_000;

function checkCount(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
  return n;
}
