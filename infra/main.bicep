// AI Posture Bot in Azure mode: one user-assigned identity is the bot's Entra app (UserAssignedMSI) and its
// credential for Defender for Cloud, Log Analytics and Key Vault, so no client secret exists anywhere.
// Deploy into an existing resource group: see docs/deploy.md.
targetScope = 'resourceGroup'

@description('Short prefix for resource names: lowercase letters and digits, starting with a letter.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'aiposture'

@description('Region for everything except the bot registration (always global).')
param location string = resourceGroup().location

@description('Subscriptions whose Defender for Cloud data the bot reads (becomes AZURE_SUBSCRIPTION_IDS).')
@minLength(1)
param monitoredSubscriptionIds array

@description('Resource ID of the Log Analytics workspace holding SecurityAlert, SecurityRecommendation, ... (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name>).')
param logAnalyticsWorkspaceResourceId string

@description('Grant Reader on the monitored subscriptions: Resource Graph only returns the AI resources (and their governance-zone tags) to a caller that can read them; Security Reader covers Microsoft.Security/* only.')
param grantInventoryReader bool = true

@description('Let the bot write decisions back to Defender (governance assignments, alert state, policy exemptions). Off until write-back ships and the organisation approves it.')
param enableWriteBack bool = false

@description('Object id of an Entra group that administers PostgreSQL with Entra authentication (optional).')
param postgresEntraAdminGroupObjectId string = ''

@description('Display name of that group (required with the object id).')
param postgresEntraAdminGroupName string = ''

// Generated on every deployment unless passed in: the Key Vault secret is rewritten in the same deployment,
// so app and server stay in step; restart the app afterwards so it reloads the reference (docs/deploy.md).
@description('PostgreSQL administrator password. Omit it from the parameters file to generate one.')
@secure()
param postgresAdminPassword string = newGuid()

@description('App Service plan SKU (Basic or higher: always on and VNet integration need it).')
param appServiceSkuName string = 'B1'

@description('PostgreSQL flexible server compute SKU and its tier.')
param postgresSkuName string = 'Standard_B1ms'
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresSkuTier string = 'Burstable'

@description('Azure Bot SKU: F0 is enough for the Teams channel (a standard channel).')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Address space of the private network for App Service and PostgreSQL.')
param vnetAddressPrefix string = '10.40.0.0/24'
param appSubnetPrefix string = '10.40.0.0/26'
param postgresSubnetPrefix string = '10.40.0.64/27'

param tags object = { application: 'ai-posture-bot' }

var suffix = uniqueString(resourceGroup().id)
var appName = '${namePrefix}-app-${suffix}'
var postgresServerName = '${namePrefix}-pg-${suffix}'
var keyVaultName = take('${namePrefix}kv${suffix}', 24)
var databaseName = 'aiposturebot'
var postgresAdminLogin = 'aiposturebot_admin'
// /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name>
var workspaceIdParts = split(logAnalyticsWorkspaceResourceId, '/')
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-id-${suffix}'
  location: location
  tags: tags
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceIdParts[8]
  scope: resourceGroup(workspaceIdParts[2], workspaceIdParts[4])
}

// ---- Network: PostgreSQL gets no public endpoint; the app reaches it through VNet integration. ----

resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: '${namePrefix}-vnet-${suffix}'
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: [vnetAddressPrefix] }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [{ name: 'web', properties: { serviceName: 'Microsoft.Web/serverFarms' } }]
        }
      }
      {
        name: 'postgres'
        properties: {
          addressPrefix: postgresSubnetPrefix
          delegations: [{ name: 'postgres', properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } }]
        }
      }
    ]
  }
}

resource postgresDns 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: '${postgresServerName}.private.postgres.database.azure.com'
  location: 'global'
  tags: tags
}

resource postgresDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: postgresDns
  name: 'vnet'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: vnet.id }
  }
}

// ---- State: PostgreSQL (decision register, outbox, conversations). ----

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresServerName
  location: location
  tags: tags
  sku: { name: postgresSkuName, tier: postgresSkuTier }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    // Entra auth for people (the admin group); the bot still logs in with the password from Key Vault
    // because it reads a plain DATABASE_URL today.
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Enabled'
      tenantId: tenant().tenantId
    }
    storage: { storageSizeGB: 32, autoGrow: 'Enabled' }
    backup: { backupRetentionDays: 35, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
    network: {
      delegatedSubnetResourceId: '${vnet.id}/subnets/postgres'
      privateDnsZoneArmResourceId: postgresDns.id
    }
  }
  dependsOn: [postgresDnsLink]
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

resource postgresEntraAdmin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = if (!empty(postgresEntraAdminGroupObjectId)) {
  parent: postgres
  name: empty(postgresEntraAdminGroupObjectId) ? 'none' : postgresEntraAdminGroupObjectId
  properties: {
    principalType: 'Group'
    principalName: postgresEntraAdminGroupName
    tenantId: tenant().tenantId
  }
  // The server accepts one configuration change at a time.
  dependsOn: [database]
}

// ---- Secrets: Key Vault with RBAC only (no access policies); the bot may read exactly one secret. ----

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource databaseUrl 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'database-url'
  properties: {
    contentType: 'postgres connection string'
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=require'
  }
}

// Scoped to the secret, not the vault: secrets added later stay out of the bot's reach.
resource databaseUrlReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(databaseUrl.id, identity.id, keyVaultSecretsUserRoleId)
  scope: databaseUrl
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---- The bot's web app. ----

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${namePrefix}-plan-${suffix}'
  location: location
  tags: tags
  kind: 'linux'
  sku: { name: appServiceSkuName }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    virtualNetworkSubnetId: '${vnet.id}/subnets/app'
    vnetRouteAllEnabled: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // The poller, outbox sender and digest scheduler run in-process: the app must never idle out.
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/healthz'
      appCommandLine: 'node dist/src/main.js'
      appSettings: [
        { name: 'APP_ENV', value: 'dev' }
        { name: 'MODE', value: 'azure' }
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TYPE', value: 'UserAssignedMsi' }
        { name: 'BOT_TENANT_ID', value: tenant().tenantId }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'AZURE_TENANT_ID', value: tenant().tenantId }
        { name: 'AZURE_SUBSCRIPTION_IDS', value: join(monitoredSubscriptionIds, ',') }
        { name: 'LOG_ANALYTICS_WORKSPACE_ID', value: workspace.properties.customerId }
        { name: 'LOG_ANALYTICS_WORKSPACE_RESOURCE_ID', value: logAnalyticsWorkspaceResourceId }
        { name: 'STORE', value: 'postgres' }
        { name: 'DATABASE_URL', value: '@Microsoft.KeyVault(SecretUri=${databaseUrl.properties.secretUri})' }
        // Oryx installs dependencies on Linux/Node 22 (better-sqlite3 is native) and runs `npm run build`.
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
      ]
    }
  }
  dependsOn: [databaseUrlReader, database]
}

// Deployments authenticate with Entra ID, never with FTP/SCM basic credentials.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

// ---- Bot registration: the identity above is the bot's app id; Teams is the only channel. ----

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-bot-${suffix}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'AI Posture Bot'
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
    // No Direct Line / Web Chat keys: Teams needs none.
    disableLocalAuth: true
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

// ---- Least-privilege access to the Defender data (and, only when enabled, write-back). ----

// Role assignments on a subscription must be deployed at subscription scope: one module per subscription.
module subscriptionRoles 'modules/subscription-roles.bicep' = [for subscriptionId in monitoredSubscriptionIds: {
  name: take('${namePrefix}-roles-${subscriptionId}', 64)
  scope: subscription(subscriptionId)
  params: {
    principalId: identity.properties.principalId
    grantInventoryReader: grantInventoryReader
    enableWriteBack: enableWriteBack
  }
}]

module workspaceRole 'modules/workspace-role.bicep' = {
  name: take('${namePrefix}-workspace-role-${suffix}', 64)
  scope: resourceGroup(workspaceIdParts[2], workspaceIdParts[4])
  params: {
    workspaceName: workspaceIdParts[8]
    principalId: identity.properties.principalId
  }
}

output appName string = app.name
output appHostName string = app.properties.defaultHostName
output messagingEndpoint string = 'https://${app.properties.defaultHostName}/api/messages'
@description('Client id of the identity: BOT_ID for the Teams app package (appPackage/manifest.json).')
output botId string = identity.properties.clientId
output botResourceName string = bot.name
output identityResourceId string = identity.id
output keyVaultName string = keyVault.name
output postgresHost string = postgres.properties.fullyQualifiedDomainName
