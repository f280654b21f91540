import { DataUnavailableError, type Clock, type QueryRunner } from '../../domain/ports';
import { log } from '../../log';
import { loadInventory, type Catalog } from '../../queries';

export const INVENTORY_REFRESH_MS = 15 * 60_000;
/** After a failed load the next try comes sooner, so a start during an outage recovers within a minute. */
export const INVENTORY_RETRY_MS = 60_000;

export interface InventoryState {
  /** AI resources in the last successful load (0 before the first one). */
  count: number;
  loadedAt?: Date;
  /** Why the last load failed (cleared by the next successful one). */
  error?: string;
}

/**
 * The AI resource names the recognizer matches the `resource` slot against, read with the catalog's
 * `inventory` query (Resource Graph) at start-up and every 15 minutes. A failed load keeps the previous names
 * and never throws: the bot still starts and answers, and /healthz reports the failure.
 */
export class InventoryNames {
  private names: readonly string[] = [];
  private loadedAt?: Date;
  private error?: string;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly o: { runner: QueryRunner; catalog: Catalog; zoneTag: string; clock: Clock; refreshMs?: number; retryMs?: number },
  ) {}

  /** The current names; the same array until the inventory changes (consumers rebuild on a new one). */
  current(): readonly string[] {
    return this.names;
  }

  state(): InventoryState {
    return { count: this.names.length, ...(this.loadedAt ? { loadedAt: this.loadedAt } : {}), ...(this.error ? { error: this.error } : {}) };
  }

  /** Loads once, then keeps refreshing in the background until stop(). */
  async start(): Promise<void> {
    await this.refresh();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  async refresh(): Promise<void> {
    try {
      const inventory = await loadInventory(this.o.runner, this.o.catalog, this.o.zoneTag);
      const names = [...new Set(inventory.map((r) => r.name))].sort();
      if (names.length !== this.names.length || names.some((n, i) => n !== this.names[i])) this.names = names;
      this.loadedAt = this.o.clock.now();
      this.error = undefined;
      log().info({ resources: names.length }, 'AI inventory loaded');
    } catch (err) {
      this.error = err instanceof DataUnavailableError ? err.userMessage : `the inventory query failed: ${(err as Error).message}`;
      log().warn({ err }, 'AI inventory could not be loaded: keeping the previous resource names');
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    const delay = this.error ? (this.o.retryMs ?? INVENTORY_RETRY_MS) : (this.o.refreshMs ?? INVENTORY_REFRESH_MS);
    this.timer = setTimeout(() => void this.refresh().then(() => this.schedule()), delay);
    this.timer.unref();
  }
}
