import { defineTable } from './define';

/** SecurityRegulatoryCompliance (Log Analytics): all documented columns (securityregulatorycompliance-include.md). */
export const SecurityRegulatoryCompliance = defineTable(
  'SecurityRegulatoryCompliance',
  'logs',
  `AssessedResourceId:string _BilledSize:real ComplianceControl:string ComplianceStandard:string
   FailedResources:int _IsBillable:string IsSnapshot:bool PassedResources:int Properties:dynamic
   RecommendationId:string RecommendationLink:string RecommendationName:string
   RegulatoryComplianceSubscriptionId:string _ResourceId:string ResourceProviderType:string SkippedResources:int
   SourceSystem:string State:string _SubscriptionId:string TenantId:string TimeGenerated:datetime Type:string`,
);
