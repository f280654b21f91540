import type { TokenCredential } from '@azure/identity';
import type { Config } from '../../config';
import type { AzureClientOptions } from '../azure/client-options';
import { createAzureCredential } from '../azure/credential';
import type { AnchorStore } from '../../domain/triage/ports';
import { BlobAnchorStore } from './blob';
import { FileAnchorStore } from './file';

export { BlobAnchorStore } from './blob';
export { FileAnchorStore } from './file';

/**
 * The configured anchor store: the Azure Blob container of REGISTER_ANCHOR_BLOB_URL (signed in as the bot's
 * Azure identity), else the append-only file REGISTER_ANCHOR_FILE.
 */
export function createAnchorStore(config: Pick<Config, 'anchors' | 'azure'>, azure: { credential?: TokenCredential; clientOptions?: AzureClientOptions } = {}): AnchorStore {
  const { blobUrl, file } = config.anchors;
  if (!blobUrl) return new FileAnchorStore(file);
  return new BlobAnchorStore(blobUrl, azure.credential ?? createAzureCredential({ clientId: config.azure.clientId }), azure.clientOptions);
}
