// The bot identity's roles on one monitored subscription. Deployed at subscription scope from main.bicep.
// Readers always; the custom write-back role only with write-back on. No built-in write role: Security Admin
// can switch Defender plans off and Resource Policy Contributor can delete policy assignments.
targetScope = 'subscription'

@description('Object (principal) id of the bot\'s user-assigned managed identity.')
param principalId string

@description('Reader for Resource Graph\'s resources and policy states (AI inventory, governance-zone tags, exemption targets).')
param grantInventoryReader bool

@description('WRITEBACK=on: define and assign the custom write-back role.')
param writeBack bool

var readerRoles = {
  // Alerts, assessments, attack paths, governance assignments, standards: Microsoft.Security/*/read.
  securityReader: '39bc4728-0917-49c7-9d2c-d95423bc2eb4'
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
}

// Exactly the calls the bot makes (docs/deploy.md, "What each write-back action is for").
var writeBackActions = [
  // PUT {assessment}/governanceAssignments/{key} (claim, reassign)
  'Microsoft.Security/assessments/governanceAssignments/write'
  // POST {alert}/resolve | dismiss | activate (resolve, dismiss, reopen)
  'Microsoft.Security/locations/alerts/resolve/action'
  'Microsoft.Security/locations/alerts/dismiss/action'
  'Microsoft.Security/locations/alerts/activate/action'
  // PUT / DELETE {resource}/providers/Microsoft.Authorization/policyExemptions/{name} (accept risk, control, reopen)
  'Microsoft.Authorization/policyExemptions/write'
  'Microsoft.Authorization/policyExemptions/delete'
  // The same exemption, on assignments at this subscription (management-group ones: infra/management-group-exempt.bicep)
  'Microsoft.Authorization/policyAssignments/exempt/action'
  // PUT / DELETE {resource}/providers/Microsoft.Security/standardAssignments/{guid} (AWS, GCP, custom standards)
  'Microsoft.Security/standardAssignments/write'
  'Microsoft.Security/standardAssignments/delete'
]

resource readers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in concat(['securityReader'], grantInventoryReader ? ['reader'] : []): {
  name: guid(subscription().id, principalId, readerRoles[role])
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', readerRoles[role])
    principalId: principalId
    // Set explicitly: a just-created identity may not have replicated yet, and this skips the lookup.
    principalType: 'ServicePrincipal'
  }
}]

// Role names are unique per tenant: one role per subscription, named after it.
resource writeBackRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = if (writeBack) {
  name: guid(subscription().id, 'ai-posture-bot-writeback')
  properties: {
    roleName: 'AI Posture Bot write-back (${subscription().subscriptionId})'
    description: 'Writes AI Posture Bot triage decisions to Defender for Cloud: governance assignments, alert state, policy and standard exemptions. Nothing else.'
    type: 'CustomRole'
    permissions: [{ actions: writeBackActions, notActions: [], dataActions: [], notDataActions: [] }]
    assignableScopes: [subscription().id]
  }
}

resource writeBackAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (writeBack) {
  name: guid(subscription().id, principalId, 'ai-posture-bot-writeback')
  properties: {
    roleDefinitionId: writeBackRole.id
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

output roles array = concat(['Security Reader'], grantInventoryReader ? ['Reader'] : [], writeBack ? ['AI Posture Bot write-back'] : [])
