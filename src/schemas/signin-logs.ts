import { defineTable } from './define';

/** SigninLogs (Entra ID via Log Analytics): all documented columns with their documented types (signinlogs-include.md). */
export const SigninLogs = defineTable(
  'SigninLogs',
  'logs',
  `AADTenantId:string AlternateSignInName:string AppDisplayName:string AppId:string
   AppliedConditionalAccessPolicies:string AppliedEventListeners:dynamic AuthenticationContextClassReferences:string
   AuthenticationDetails:string AuthenticationMethodsUsed:string AuthenticationProcessingDetails:string
   AuthenticationProtocol:string AuthenticationRequirement:string AuthenticationRequirementPolicies:string
   AutonomousSystemNumber:string _BilledSize:real Category:string ClientAppUsed:string
   ConditionalAccessPolicies:dynamic ConditionalAccessStatus:string CorrelationId:string CreatedDateTime:datetime
   CrossTenantAccessType:string DeviceDetail:dynamic DurationMs:long FlaggedForReview:bool HomeTenantId:string
   Id:string Identity:string IPAddress:string IPAddressFromResourceProvider:string _IsBillable:string
   IsInteractive:bool IsRisky:bool Level:string Location:string LocationDetails:dynamic MfaDetail:dynamic
   NetworkLocationDetails:string OperationName:string OperationVersion:string OriginalRequestId:string
   ProcessingTimeInMilliseconds:string Resource:string ResourceDisplayName:string ResourceGroup:string
   ResourceId:string ResourceIdentity:string ResourceProvider:string ResourceServicePrincipalId:string
   ResourceTenantId:string ResultDescription:string ResultSignature:string ResultType:string RiskDetail:string
   RiskEventTypes:string RiskEventTypes_V2:string RiskLevel:string RiskLevelAggregated:string
   RiskLevelDuringSignIn:string RiskState:string ServicePrincipalId:string ServicePrincipalName:string
   SessionLifetimePolicies:string SignInIdentifier:string SignInIdentifierType:string SourceSystem:string
   Status:dynamic TimeGenerated:datetime TokenIssuerName:string TokenIssuerType:string Type:string
   UniqueTokenIdentifier:string UserAgent:string UserDisplayName:string UserId:string UserPrincipalName:string
   UserType:string`,
);
