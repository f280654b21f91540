/** The simulated "Contoso Bank" Defender tenant: embedded mode's data source (same tables as production). */
export { createSimulatedTenant, type SimulatedTenant } from './tenant';
export type { Row } from './rows';
export { DEFAULT_NOW, DEFAULT_SEED, SUBSCRIPTIONS, TENANT_ID, WORKSPACE } from './constants';
export { ALERT_DEFINITIONS } from './alert-catalog';
export { RECOMMENDATIONS } from './recommendation-catalog';
export { ATTACKER_IPS, LARGE_RESPONSE_CALLERS, SPIKE_CALLER } from './network';
export { MCSB_ASSIGNMENT_ID, mcsbReferenceId, securityStandards } from './policy';
export { policyDefinitionId } from './recommendations';
