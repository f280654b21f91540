// Only for write-back (WRITEBACK=on) when the Microsoft cloud security benchmark (or another initiative behind
// Defender's recommendations) is assigned at a management group: creating an exemption needs
// Microsoft.Authorization/policyAssignments/exempt/action on the target assignment itself, which a subscription
// role cannot grant. Deploy it once per such management group, by someone who may create roles there:
//   az deployment mg create --management-group-id <mg> --location <region> \
//     --template-file infra/management-group-exempt.bicep --parameters principalId=<BOT_IDENTITY_PRINCIPAL_ID>
targetScope = 'managementGroup'

@description('Object (principal) id of the bot\'s managed identity (BOT_IDENTITY_PRINCIPAL_ID in env/.env.dev).')
param principalId string

resource exemptRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(managementGroup().id, 'ai-posture-bot-exempt')
  properties: {
    roleName: 'AI Posture Bot exempt (${managementGroup().name})'
    description: 'Lets AI Posture Bot exempt resources from policy assignments at this management group. Nothing else.'
    type: 'CustomRole'
    permissions: [{ actions: ['Microsoft.Authorization/policyAssignments/exempt/action'], notActions: [], dataActions: [], notDataActions: [] }]
    assignableScopes: [managementGroup().id]
  }
}

resource exemptAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(managementGroup().id, principalId, 'ai-posture-bot-exempt')
  properties: {
    roleDefinitionId: exemptRole.id
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
