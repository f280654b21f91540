/**
 * The resource types and API versions the Bicep templates may use, each checked against Microsoft's ARM template
 * reference (https://learn.microsoft.com/azure/templates/, generated from Azure/bicep-types-az). There is no Bicep
 * compiler where this project is tested, so a template may only use a pair listed here; a new pair needs its page.
 */
export const TEMPLATE_REFERENCE: Record<string, string> = {
  'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31': 'https://learn.microsoft.com/azure/templates/microsoft.managedidentity/2023-01-31/userassignedidentities',
  'Microsoft.OperationalInsights/workspaces@2023-09-01': 'https://learn.microsoft.com/azure/templates/microsoft.operationalinsights/2023-09-01/workspaces',
  'Microsoft.Insights/components@2020-02-02': 'https://learn.microsoft.com/azure/templates/microsoft.insights/2020-02-02/components',
  'Microsoft.Insights/diagnosticSettings@2021-05-01-preview': 'https://learn.microsoft.com/azure/templates/microsoft.insights/2021-05-01-preview/diagnosticsettings',
  'Microsoft.Network/virtualNetworks@2023-11-01': 'https://learn.microsoft.com/azure/templates/microsoft.network/2023-11-01/virtualnetworks',
  'Microsoft.Network/privateDnsZones@2020-06-01': 'https://learn.microsoft.com/azure/templates/microsoft.network/2020-06-01/privatednszones',
  'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01': 'https://learn.microsoft.com/azure/templates/microsoft.network/2020-06-01/privatednszones/virtualnetworklinks',
  'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01': 'https://learn.microsoft.com/azure/templates/microsoft.dbforpostgresql/2024-08-01/flexibleservers',
  'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01': 'https://learn.microsoft.com/azure/templates/microsoft.dbforpostgresql/2024-08-01/flexibleservers/databases',
  'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01': 'https://learn.microsoft.com/azure/templates/microsoft.dbforpostgresql/2024-08-01/flexibleservers/administrators',
  'Microsoft.Web/serverfarms@2023-12-01': 'https://learn.microsoft.com/azure/templates/microsoft.web/2023-12-01/serverfarms',
  'Microsoft.Web/sites@2023-12-01': 'https://learn.microsoft.com/azure/templates/microsoft.web/2023-12-01/sites',
  'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01': 'https://learn.microsoft.com/azure/templates/microsoft.web/2023-12-01/sites/basicpublishingcredentialspolicies',
  'Microsoft.BotService/botServices@2022-09-15': 'https://learn.microsoft.com/azure/templates/microsoft.botservice/2022-09-15/botservices',
  'Microsoft.BotService/botServices/channels@2022-09-15': 'https://learn.microsoft.com/azure/templates/microsoft.botservice/2022-09-15/botservices/channels',
  'Microsoft.Authorization/roleAssignments@2022-04-01': 'https://learn.microsoft.com/azure/templates/microsoft.authorization/2022-04-01/roleassignments',
  'Microsoft.Authorization/roleDefinitions@2022-04-01': 'https://learn.microsoft.com/azure/templates/microsoft.authorization/2022-04-01/roledefinitions',
};

/**
 * What the custom write-back role may do: exactly the calls the bot makes (docs/deploy.md explains each), from
 * Microsoft's "Azure permissions for Security" and "Management and governance" pages.
 */
export const WRITE_BACK_ACTIONS = [
  'Microsoft.Security/assessments/governanceAssignments/write',
  'Microsoft.Security/locations/alerts/resolve/action',
  'Microsoft.Security/locations/alerts/dismiss/action',
  'Microsoft.Security/locations/alerts/activate/action',
  'Microsoft.Authorization/policyExemptions/write',
  'Microsoft.Authorization/policyExemptions/delete',
  'Microsoft.Authorization/policyAssignments/exempt/action',
  'Microsoft.Security/standardAssignments/write',
  'Microsoft.Security/standardAssignments/delete',
];

/** Built-in roles the bot must never hold: Security Admin, Resource Policy Contributor, Contributor, Owner. */
export const FORBIDDEN_ROLE_IDS = ['fb1c8493-542b-48eb-b624-b4c8fea62acd', '36243c78-bf99-498c-9df9-86d9f8d28608', 'b24988ac-6180-42a0-ab88-20f7382dd24c', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'];
