/** The training corpus: utterances per intent, one JSON file each. `{resource}` stands for a resource name. */
import type { Intent } from '../../domain/intents';
import alertTrend from './alert_trend.json';
import alerts from './alerts.json';
import attackPaths from './attack_paths.json';
import compliance from './compliance.json';
import execSummary from './exec_summary.json';
import help from './help.json';
import inventory from './inventory.json';
import largeResponses from './large_responses.json';
import myQueue from './my_queue.json';
import none from './none.json';
import overdue from './overdue.json';
import recommendations from './recommendations.json';
import resourceSummary from './resource_summary.json';
import riskRegister from './risk_register.json';
import riskySignin from './risky_signin_correlation.json';
import secureScore from './secure_score.json';
import topCallers from './top_callers.json';
import usageAnomalies from './usage_anomalies.json';

export const CORPUS: Readonly<Record<Intent, readonly string[]>> = {
  attack_paths: attackPaths,
  alerts,
  recommendations,
  secure_score: secureScore,
  inventory,
  alert_trend: alertTrend,
  top_callers: topCallers,
  usage_anomalies: usageAnomalies,
  large_responses: largeResponses,
  risky_signin_correlation: riskySignin,
  my_queue: myQueue,
  overdue,
  risk_register: riskRegister,
  resource_summary: resourceSummary,
  compliance,
  exec_summary: execSummary,
  help,
  none,
};

/** The placeholder word a matched resource name becomes, in training and at run time alike. */
export const RESOURCE_PLACEHOLDER = 'xresource';
