// AI Posture Bot in Azure mode, provisioned by the Microsoft 365 Agents Toolkit (m365agents.yml → arm/deploy).
// One user-assigned identity is the bot's Entra app (UserAssignedMSI), its credential for Defender for Cloud, Log
// Analytics and Microsoft Graph, and its PostgreSQL login (Entra token): no client secret, no database password.
// Outputs named in UPPER_SNAKE_CASE are written to env/.env.<env> by the toolkit. See docs/deploy.md.
targetScope = 'resourceGroup'

@description('Short prefix for resource names: lowercase letters and digits, starting with a letter.')
@minLength(3)
@maxLength(12)
param namePrefix string = 'aiposture'

@description('Region for everything except the bot registration (always global).')
param location string = resourceGroup().location

@description('Comma-separated subscriptions whose Defender for Cloud data the bot reads (AZURE_SUBSCRIPTION_IDS).')
@minLength(36)
param monitoredSubscriptionIds string

@description('Resource ID of the Log Analytics workspace holding SecurityAlert, SecurityRecommendation, ... (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name>).')
param logAnalyticsWorkspaceResourceId string

@description('Grant Reader on the monitored subscriptions: Resource Graph returns the AI resources, their governance-zone tags and policy states only to a caller that can read them.')
param grantInventoryReader bool = true

@description('WRITEBACK of the app: on grants the custom write-back role and lets the bot write decisions to Defender; off records them in Teams only. Turn it on after `npx ai-posture-bot doctor` passes.')
@allowed(['on', 'off'])
param writeBack string = 'off'

@description('Break-glass PostgreSQL administrator password: the bot never uses it (it signs in with an Entra token). Keep it stable in a secret store (SECRET_POSTGRES_ADMIN_PASSWORD in env/.env.dev.user).')
@secure()
@minLength(16)
param postgresAdminPassword string

@description('Object id of an Entra group whose members administer PostgreSQL with Entra authentication (optional).')
param postgresEntraAdminGroupObjectId string = ''

@description('Display name of that group (required with the object id).')
param postgresEntraAdminGroupName string = ''

@description('App Service plan SKU (Basic or higher: always on and VNet integration need it).')
param appServiceSkuName string = 'B1'

@description('PostgreSQL flexible server compute SKU and its tier.')
param postgresSkuName string = 'Standard_B1ms'
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresSkuTier string = 'Burstable'

@description('Azure Bot SKU: F0 is enough for the Teams channel (a standard channel).')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Days the app telemetry workspace keeps logs and request traces.')
@minValue(30)
@maxValue(730)
param telemetryRetentionDays int = 90

@description('Address space of the private network for App Service and PostgreSQL.')
param vnetAddressPrefix string = '10.40.0.0/24'
param appSubnetPrefix string = '10.40.0.0/26'
param postgresSubnetPrefix string = '10.40.0.64/27'

param tags object = { application: 'ai-posture-bot' }

var suffix = uniqueString(resourceGroup().id)
var appName = '${namePrefix}-app-${suffix}'
var identityName = '${namePrefix}-id-${suffix}'
var postgresServerName = '${namePrefix}-pg-${suffix}'
var databaseName = 'aiposturebot'
var subscriptionIds = map(split(monitoredSubscriptionIds, ','), (s) => trim(s))
// /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name>
var workspaceIdParts = split(logAnalyticsWorkspaceResourceId, '/')

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

resource defenderWorkspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceIdParts[8]
  scope: resourceGroup(workspaceIdParts[2], workspaceIdParts[4])
}

// ---- Telemetry: the app's own workspace (not the SOC's), Application Insights on it. ----

resource telemetry 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: telemetryRetentionDays
  }
}

// Request and dependency traces come from App Service's Node.js agent (ApplicationInsightsAgent_EXTENSION_VERSION
// below); the bot's pino logs are its stdout, kept by the diagnostic setting as AppServiceConsoleLogs.
resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-ai-${suffix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: telemetry.id
    DisableLocalAuth: false
  }
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
    // The break-glass administrator only (the name cannot change on an existing server); the bot signs in with Entra.
    administratorLogin: 'aiposturebot_admin'
    administratorLoginPassword: postgresAdminPassword
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

// The bot's identity is the server's Entra principal: it signs in as role `${identityName}` with an access token
// (DATABASE_AUTH=entra) and owns the bot's schema. docs/deploy.md shows how to narrow it to a non-admin role.
module postgresBotLogin 'modules/postgres-entra-login.bicep' = {
  name: take('${namePrefix}-pg-bot-login-${suffix}', 64)
  params: {
    serverName: postgres.name
    principalId: identity.properties.principalId
    principalName: identity.name
    principalType: 'ServicePrincipal'
  }
  // The server accepts one configuration change at a time.
  dependsOn: [database]
}

module postgresEntraAdmin 'modules/postgres-entra-login.bicep' = if (!empty(postgresEntraAdminGroupObjectId)) {
  name: take('${namePrefix}-pg-admin-group-${suffix}', 64)
  params: {
    serverName: postgres.name
    principalId: postgresEntraAdminGroupObjectId
    principalName: postgresEntraAdminGroupName
    principalType: 'Group'
  }
  dependsOn: [postgresBotLogin]
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
    virtualNetworkSubnetId: '${vnet.id}/subnets/app'
    vnetRouteAllEnabled: true
    siteConfig: {
      // Node 22 LTS (Node 20 is out of support).
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
        { name: 'AZURE_SUBSCRIPTION_IDS', value: join(subscriptionIds, ',') }
        { name: 'LOG_ANALYTICS_WORKSPACE_ID', value: defenderWorkspace.properties.customerId }
        { name: 'LOG_ANALYTICS_WORKSPACE_RESOURCE_ID', value: logAnalyticsWorkspaceResourceId }
        { name: 'WRITEBACK', value: writeBack }
        { name: 'STORE', value: 'postgres' }
        { name: 'DATABASE_AUTH', value: 'entra' }
        // No password: the role is the identity's name, the password an Entra token fetched at each sign-in.
        { name: 'DATABASE_URL', value: 'postgres://${identity.name}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=require' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
        // Oryx installs dependencies on Linux/Node 22 (better-sqlite3 is native) and runs `npm run build`.
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
      ]
    }
  }
  dependsOn: [postgresBotLogin]
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

// ---- Diagnostic settings: platform logs of the app, the database and the bot into the telemetry workspace. ----

resource appDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-telemetry'
  scope: app
  properties: {
    workspaceId: telemetry.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true } // the bot's pino JSON lines (stdout)
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource postgresDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-telemetry'
  scope: postgres
  properties: {
    workspaceId: telemetry.id
    logs: [{ category: 'PostgreSQLLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource botDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-telemetry'
  scope: bot
  properties: {
    workspaceId: telemetry.id
    logs: [{ category: 'BotRequest', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// ---- Least-privilege access to the Defender data (and, only with write-back on, the custom write-back role). ----

// Role assignments on a subscription must be deployed at subscription scope: one module per subscription.
module subscriptionRoles 'modules/subscription-roles.bicep' = [for subscriptionId in subscriptionIds: {
  name: take('${namePrefix}-roles-${subscriptionId}', 64)
  scope: subscription(subscriptionId)
  params: {
    principalId: identity.properties.principalId
    grantInventoryReader: grantInventoryReader
    writeBack: writeBack == 'on'
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

// Written to env/.env.<env> by the toolkit's arm/deploy (BOT_ID fills ${{BOT_ID}} in appPackage/manifest.json).
output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = app.properties.defaultHostName
output BOT_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output BOT_IDENTITY_NAME string = identity.name
output AZURE_APP_SERVICE_RESOURCE_ID string = app.id
output APP_SERVICE_NAME string = app.name
output BOT_MESSAGING_ENDPOINT string = 'https://${app.properties.defaultHostName}/api/messages'
output POSTGRES_HOST string = postgres.properties.fullyQualifiedDomainName
output APPLICATIONINSIGHTS_RESOURCE_ID string = appInsights.id
