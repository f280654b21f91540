import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

/**
 * The bot's Azure identity. With a client id (config AZURE_CLIENT_ID) it is that user-assigned managed identity,
 * asked directly so production never walks DefaultAzureCredential's chain of developer tools; without one it is
 * DefaultAzureCredential (az login / VS Code locally, a system-assigned managed identity in Azure).
 */
export function createAzureCredential(options: { clientId?: string } = {}): TokenCredential {
  return options.clientId ? new ManagedIdentityCredential({ clientId: options.clientId }) : new DefaultAzureCredential();
}
