import { defineTable } from './define';

/** SecureScores (Log Analytics, continuous export): all documented columns (securescores-include.md). */
export const SecureScores = defineTable(
  'SecureScores',
  'logs',
  `AssessedResourceId:string _BilledSize:real CurrentScore:real DisplayName:string Environment:string
   _IsBillable:string IsSnapshot:bool MaxScore:int PercentageScore:real Properties:dynamic _ResourceId:string
   ResourceProviderType:string SecureScoresSubscriptionId:string SourceSystem:string _SubscriptionId:string
   TenantId:string TimeGenerated:datetime Type:string Weight:long`,
);
