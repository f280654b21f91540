import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { loadPolicy, StaticRoleDirectory } from './config/policy';
import { EmbeddedDataSource } from './data/embedded';
import { EmbeddedQueryRunner } from './data/embedded-query-runner';
import { createDigest } from './digest';
import { systemClock, type Clock, type DefenderDataSource, type DependencyStatus } from './domain/ports';
import { log } from './log';
import { startAlertTrickle } from './notify/trickle';
import { createHttpServer, listen, type HealthReport } from './server/http';
import { ConversationStore } from './store/conversations';
import { openDatabase } from './store/database';
import { createAdapter } from './teams/adapter';
import { createTeamsApp } from './teams/app';
import { ProactivePoster } from './teams/proactive';

export interface RunningBot {
  url: string;
  conversations: ConversationStore;
  dataSource: DefenderDataSource;
  poster: ProactivePoster;
  /** Posts one simulated alert now (embedded mode only). */
  raiseSimulatedAlert?: () => Promise<void>;
  stop(): Promise<void>;
}

/** The composition root: wires config, store, data source, Teams app and HTTP server, then listens. */
export async function startBot(config: Config, clock: Clock = systemClock): Promise<RunningBot> {
  if (config.mode === 'azure') {
    throw new Error('MODE=azure is not available yet: the Azure data adapters are being built. Use MODE=embedded.');
  }
  const policy = loadPolicy(config.policyFile);
  const db = await openDatabase(config.store);
  const conversations = new ConversationStore(db);
  const dataSource = new EmbeddedDataSource({ seed: config.simulation.seed, now: clock.now(), zoneTag: config.zoneTag });
  const adapter = createAdapter(config.bot);
  const dataSourceLabel = 'simulated Contoso Bank tenant (embedded mode)';
  const digest = createDigest({
    db,
    clock,
    config,
    policy,
    roles: new StaticRoleDirectory(policy),
    conversations,
    runner: new EmbeddedQueryRunner(dataSource.tenant, clock),
    sourceLabel: dataSourceLabel,
    post: (conv, card) => poster.post(conv, card),
  });
  const app = createTeamsApp(adapter, config.bot?.appId, {
    conversations,
    dataSource,
    dataSourceLabel: 'simulated Contoso Bank tenant (embedded mode)',
    clock,
    policy,
    roles: new StaticRoleDirectory(policy),
    digest: digest.service,
  });
  const poster = new ProactivePoster(adapter, config.bot?.appId ?? '', conversations);

  const health = async (): Promise<HealthReport> => {
    const store = await conversations
      .ping()
      .then((): DependencyStatus => ({ ok: true, kind: config.store.kind }))
      .catch((err: Error): DependencyStatus => ({ ok: false, kind: config.store.kind, detail: err.message }));
    const data = await dataSource.status().catch((err: Error): DependencyStatus => ({ ok: false, kind: dataSource.kind, detail: err.message }));
    return { status: store.ok && data.ok ? 'ok' : 'degraded', mode: config.mode, store, dataSource: data };
  };

  const server = createHttpServer({ adapter, app, health });
  await listen(server, config.server.port, config.server.host);
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  const trickleOptions = { clock, poster, raise: (at: Date) => dataSource.raiseAlert(at) };
  const trickle = config.simulation.trickleSeconds > 0 ? startAlertTrickle({ ...trickleOptions, intervalMs: config.simulation.trickleSeconds * 1000 }) : undefined;
  // Sends any scheduled digest missed while the bot was down (once per period), then follows the schedules.
  await digest.scheduler.start();
  log().info({ url, mode: config.mode, auth: config.bot ? 'jwt' : 'anonymous (loopback only)', trickleSeconds: config.simulation.trickleSeconds }, 'bot listening');

  let stopped = false;
  return {
    url,
    conversations,
    dataSource,
    poster,
    raiseSimulatedAlert: async () => {
      const t = trickle ?? startAlertTrickle({ ...trickleOptions, intervalMs: 2 ** 31 - 1 });
      await t.tick();
      if (!trickle) t.stop();
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      trickle?.stop();
      digest.scheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
    },
  };
}
