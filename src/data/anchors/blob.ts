import { Agent } from 'node:https';
import type { TokenCredential } from '@azure/identity';
import { ContainerClient, newPipeline, RestError, type Pipeline } from '@azure/storage-blob';
import type { AzureClientOptions } from '../azure/client-options';
import type { AnchorStore } from '../../domain/triage/ports';
import type { RegisterAnchor, StoredAnchor } from '../../domain/triage/register-check';
import { anchorRecord } from './record';

const PREFIX = 'anchors/';
/** `anchors/<seq, 12 digits>-<hash>.json`: listing the names is enough to check the register (no downloads). */
const NAME = /^anchors\/(\d{12})-([0-9a-f]{64})\.json$/;

export const anchorBlobName = (a: Pick<RegisterAnchor, 'seq' | 'hash'>) => `${PREFIX}${String(a.seq).padStart(12, '0')}-${a.hash}.json`;

/**
 * Azure mode's anchor store: one write-once block blob per anchor in a container that should carry a locked
 * time-based retention (immutability) policy, so no one, the bot included, can change or delete an anchor
 * before the retention ends. Each blob is created with If-None-Match: * (never overwritten); its creation
 * time is the service's, not the bot's. The bot never creates the container: one made without the policy
 * would give a false sense of safety (docs/register-anchors.md says how to create it).
 */
export class BlobAnchorStore implements AnchorStore {
  readonly location: string;
  private readonly container: ContainerClient;

  constructor(containerUrl: string, credential: TokenCredential, clientOptions: AzureClientOptions = {}) {
    this.location = `Azure Blob container ${containerUrl}`;
    this.container = new ContainerClient(containerUrl, storagePipeline(credential, clientOptions));
  }

  async append(anchor: RegisterAnchor): Promise<{ id: string; created: boolean }> {
    const name = anchorBlobName(anchor);
    const body = JSON.stringify(anchorRecord(anchor));
    try {
      await this.container.getBlockBlobClient(name).upload(body, Buffer.byteLength(body), {
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      return { id: name, created: true };
    } catch (err) {
      if (err instanceof RestError && err.statusCode === 409 && err.code === 'BlobAlreadyExists') return { id: name, created: false };
      throw this.explain(err);
    }
  }

  async list(): Promise<{ anchors: StoredAnchor[]; unreadable: string[] }> {
    const anchors: StoredAnchor[] = [];
    const unreadable: string[] = [];
    try {
      for await (const blob of this.container.listBlobsFlat({ prefix: PREFIX })) {
        const m = NAME.exec(blob.name);
        if (m) anchors.push({ id: blob.name, seq: Number(m[1]), hash: m[2]!, at: blob.properties.createdOn?.toISOString() ?? '?' });
        else unreadable.push(`blob ${blob.name} in ${this.location} is not an anchor`);
      }
    } catch (err) {
      throw this.explain(err);
    }
    return { anchors, unreadable };
  }

  /** A container without an immutability policy protects nothing: say so wherever the anchors are used. */
  async warnings(): Promise<string[]> {
    const props = await this.container.getProperties().catch((err: unknown) => {
      throw this.explain(err);
    });
    if (props.hasImmutabilityPolicy || props.isImmutableStorageWithVersioningEnabled) return [];
    return [`${this.location} has no immutability policy: anyone with write access can change or delete its anchors (docs/register-anchors.md)`];
  }

  private explain(err: unknown): Error {
    if (err instanceof RestError && err.statusCode === 404 && err.code === 'ContainerNotFound') {
      return new Error(`${this.location} does not exist: create it with a time-based retention policy (docs/register-anchors.md); the bot never creates it`, { cause: err });
    }
    if (err instanceof RestError && err.statusCode === 403) {
      return new Error(`${this.location} refused access (${err.code ?? 'HTTP 403'}): the bot's identity needs the Storage Blob Data Contributor role on it`, { cause: err });
    }
    return err instanceof Error ? err : new Error(String(err));
  }
}

/** The storage pipeline with the project's client options (tests: fast retries and the emulator's certificate). */
export function storagePipeline(credential: TokenCredential, options: AzureClientOptions): Pipeline {
  const retry = options.retryOptions;
  const pipeline = newPipeline(credential, {
    retryOptions: retry && { maxTries: (retry.maxRetries ?? 3) + 1, retryDelayInMs: retry.retryDelayInMs, maxRetryDelayInMs: retry.maxRetryDelayInMs },
  });
  const ca = options.tlsOptions?.ca;
  if (ca) {
    // The storage pipeline has no tlsOptions; an agent with the extra CA on each request does the same job.
    const agent = new Agent({ ca, keepAlive: true });
    pipeline.factories.push({ create: (next) => ({ sendRequest: (request) => ((request.agent = agent), next.sendRequest(request)) }) });
  }
  return pipeline;
}
