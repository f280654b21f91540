import { defineTable } from './define';

/**
 * SecurityAlert (Log Analytics): every documented column with its documented type
 * (azure-monitor-ref tables/includes/securityalert-include.md). Entities, ExtendedProperties and
 * ExtendedLinks are `string` columns holding JSON text: queries must `parse_json()` them.
 */
export const SecurityAlert = defineTable(
  'SecurityAlert',
  'logs',
  `AlertLink:string AlertName:string AlertSeverity:string AlertType:string _BilledSize:real
   CompromisedEntity:string ConfidenceLevel:string ConfidenceScore:real Description:string DisplayName:string
   EndTime:datetime Entities:string ExtendedLinks:string ExtendedProperties:string _IsBillable:string
   IsIncident:bool ProcessingEndTime:datetime ProductComponentName:string ProductName:string ProviderName:string
   RemediationSteps:string ResourceId:string SourceComputerId:string StartTime:datetime Status:string
   SubTechniques:string SystemAlertId:string Tactics:string Techniques:string TimeGenerated:datetime Type:string
   VendorName:string VendorOriginalId:string WorkspaceResourceGroup:string WorkspaceSubscriptionId:string`,
);
