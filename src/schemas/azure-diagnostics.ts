import { defineTable } from './define';

/**
 * AzureDiagnostics is a wide, per-workspace table (up to 500 columns). We model:
 *
 * 1. Its documented fixed columns, i.e. the ones without a type suffix (azurediagnostics.md "Columns"):
 *    CallerIPAddress, Category, CorrelationId, DurationMs (BigInt → long), Level, Message, OperationName,
 *    OperationVersion, Resource, ResourceGroup, _ResourceId, ResourceProvider, ResourceType,
 *    ResultDescription, ResultSignature, ResultType, AdditionalFields (dynamic property bag).
 *    The stored doc page is cut off after `session_id_d`; the standard columns every Log Analytics table
 *    carries (TenantId, TimeGenerated, SourceSystem, Type, _BilledSize, _IsBillable, _SubscriptionId) and the
 *    diagnostics-pipeline columns ResourceId and SubscriptionId are added from the live table.
 * 2. Only the suffixed (`_s`/`_d`/`_g`) columns a Cognitive Services / Azure OpenAI `RequestResponse`
 *    record fills: `properties_s` (JSON text: apiName, requestTime, requestLength, responseTime,
 *    responseLength, objectId, streamType, modelDeploymentName, modelName, modelVersion), `event_s`
 *    ("ShoeboxCallResult") and `location_s` (the account's region). The ~170 suffixed columns other services produce
 *    (SQL, Key Vault, Automation...) are left out: they are always null for AI resources and would multiply
 *    the memory of a million-row simulated table.
 *
 * Token counts: the real RequestResponse record carries none (they are metrics). The simulator adds
 * `promptTokens`, `completionTokens` and `totalTokens` inside `properties_s`, so the lab's "responses over
 * 4,000 tokens" query reads `toint(parse_json(properties_s).completionTokens)`.
 */
export const AzureDiagnostics = defineTable(
  'AzureDiagnostics',
  'logs',
  `TenantId:string TimeGenerated:datetime ResourceId:string Category:string ResourceGroup:string
   SubscriptionId:string ResourceProvider:string Resource:string ResourceType:string OperationName:string
   OperationVersion:string ResultType:string ResultSignature:string ResultDescription:string CorrelationId:string
   CallerIPAddress:string DurationMs:long Level:string Message:string AdditionalFields:dynamic
   properties_s:string event_s:string location_s:string
   SourceSystem:string Type:string _ResourceId:string _SubscriptionId:string _BilledSize:real _IsBillable:string`,
);
