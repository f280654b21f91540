import { defineTable } from './define';

/**
 * Azure Resource Graph tables share one column set (ARG's standard resource columns). ARG lowercases `type`
 * (e.g. `microsoft.cognitiveservices/accounts`); `properties`, `tags`, `sku`, `plan`, `identity`, `zones` and
 * `extendedLocation` are dynamic. ARG names the managing-resource column `managedBy`; there is no
 * `managementGroup` column (management groups are a separate `resourcecontainers` concern).
 */
const ARG_COLUMNS = `id:string name:string type:string tenantId:string kind:string location:string
  resourceGroup:string subscriptionId:string managedBy:string sku:dynamic plan:dynamic properties:dynamic
  tags:dynamic identity:dynamic zones:dynamic extendedLocation:dynamic`;

/** ARM resources: here the AI resources (Cognitive Services accounts, ML/Foundry workspaces, AI Search, connector-backed AWS/GCP). */
export const resources = defineTable('resources', 'resourcegraph', ARG_COLUMNS);

/**
 * Defender for Cloud records. Types held by the simulator:
 * `microsoft.security/locations/alerts`, `microsoft.security/assessments`, `microsoft.security/attackpaths`,
 * `microsoft.security/assessments/governanceassignments`.
 */
export const securityresources = defineTable('securityresources', 'resourcegraph', ARG_COLUMNS);

/** Azure Policy records; the simulator holds `microsoft.authorization/policyexemptions` and `microsoft.policyinsights/policystates`. */
export const policyresources = defineTable('policyresources', 'resourcegraph', ARG_COLUMNS);
