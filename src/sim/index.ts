/** The simulated "Contoso Bank" Defender tenant: embedded mode's data source (same tables as production). */
export { createSimulatedTenant, type SimulatedTenant, type SimulatedTenantOptions } from './tenant';
export type { SimResource, SimResourceType } from './resources';
export type { Row } from './rows';
export { DEFAULT_NOW, DEFAULT_SEED, SUBSCRIPTIONS, TENANT_ID, WORKSPACE } from './constants';
export { ALERT_DEFINITIONS, type AlertDefinition } from './alert-catalog';
export { ALERT_PRODUCT } from './alerts';
export { RECOMMENDATIONS, type RecommendationDefinition } from './recommendation-catalog';
export { ATTACKER_IPS, LARGE_RESPONSE_CALLERS, SPIKE_CALLER } from './network';
