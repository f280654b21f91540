import { defineTable } from './define';

/** SecurityRecommendation (Log Analytics): all documented columns (securityrecommendation-include.md). */
export const SecurityRecommendation = defineTable(
  'SecurityRecommendation',
  'logs',
  `AssessedResourceId:string _BilledSize:real Description:string DeviceId:string DiscoveredTimeUTC:datetime
   Environment:string FirstEvaluationDate:datetime _IsBillable:string IsSnapshot:bool PolicyDefinitionId:string
   Properties:dynamic ProviderName:string RecommendationAdditionalData:dynamic RecommendationDisplayName:string
   RecommendationId:string RecommendationName:string RecommendationSeverity:string RecommendationState:string
   ResolvedTimeUTC:datetime ResourceRegion:string StatusChangeDate:datetime TimeGenerated:datetime Type:string`,
);
