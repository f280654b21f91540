// The bot identity's roles on one monitored subscription. Deployed at subscription scope from main.bicep.
targetScope = 'subscription'

@description('Object (principal) id of the bot\'s user-assigned managed identity.')
param principalId string

@description('Reader for Resource Graph\'s resources table (AI inventory, governance-zone tags).')
param grantInventoryReader bool

@description('Write-back to Defender: governance assignments and alert state (Security Admin), exemptions (Resource Policy Contributor).')
param enableWriteBack bool

var roleIds = {
  // Alerts, assessments, attack paths, governance assignments: Microsoft.Security/*/read via Resource Graph.
  securityReader: '39bc4728-0917-49c7-9d2c-d95423bc2eb4'
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
  securityAdmin: 'fb1c8493-542b-48eb-b624-b4c8fea62acd'
  // Microsoft.Authorization/policyExemptions/write for Waiver / Mitigated exemptions.
  resourcePolicyContributor: '36243c78-bf99-498c-9df9-86d9f8d28608'
}

var granted = concat(
  ['securityReader'],
  grantInventoryReader ? ['reader'] : [],
  enableWriteBack ? ['securityAdmin', 'resourcePolicyContributor'] : []
)

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in granted: {
  name: guid(subscription().id, principalId, roleIds[role])
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds[role])
    principalId: principalId
    // Set explicitly: a just-created identity may not have replicated yet, and this skips the lookup.
    principalType: 'ServicePrincipal'
  }
}]

output roles array = granted
