// One Microsoft Entra principal of the PostgreSQL flexible server (its name must be the principal's object id,
// known only once the identity exists, so it is set here, from a module parameter).
targetScope = 'resourceGroup'

param serverName string

@description('Object id of the Entra user, group or service principal (a managed identity is a service principal).')
param principalId string

@description('Display name of the principal: a managed identity signs in to PostgreSQL as this role name.')
param principalName string

@allowed(['Group', 'ServicePrincipal', 'User'])
param principalType string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' existing = {
  name: serverName
}

resource login 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = {
  parent: server
  name: principalId
  properties: {
    principalType: principalType
    principalName: principalName
    tenantId: tenant().tenantId
  }
}
