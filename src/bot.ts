import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { loadPolicy, StaticRoleDirectory, StaticUserDirectory } from './config/policy';
import { EmbeddedDefenderActions } from './data/defender-actions/embedded';
import { createAnswerService } from './answers/create';
import { EmbeddedDataSource, SIMULATED_WORKSPACE_RESOURCE_ID } from './data/embedded';
import { EmbeddedQueryRunner } from './data/embedded-query-runner';
import { createDigest, type Digest } from './digest';
import { systemClock, type Clock, type DefenderDataSource, type DependencyStatus } from './domain/ports';
import { log, setLogLevel } from './log';
import { EmbeddedFindingFeed } from './notify/embedded-feed';
import { NotificationPipeline } from './notify/pipeline';
import { notifySettingsFrom } from './notify/settings';
import { parseSubscriptionCommand } from './notify/subscription-command';
import { startAlertTrickle } from './notify/trickle';
import { createHttpServer, listen, type HealthReport } from './server/http';
import { ConversationStore } from './store/conversations';
import { openDatabase } from './store/database';
import { createAdapter } from './teams/adapter';
import { createTeamsApp } from './teams/app';
import { llmPlannerFactory } from './teams/llm-planner';
import { loadCatalog } from './queries';
import { TeamsCardTransport } from './teams/notify-transport';
import { ProactivePoster } from './teams/proactive';
import { TeamsTriageNotifier } from './teams/listeners/triage-notify';
import { createTriage, type Triage } from './triage';
import { TENANT_ID as SIM_TENANT_ID } from './sim';

export interface RunningBot {
  url: string;
  conversations: ConversationStore;
  dataSource: DefenderDataSource;
  poster: ProactivePoster;
  /** Digest schedules, runs and builder (tests inspect the run records). */
  digest: Digest;
  /** Ingest → outbox → sender; also the FindingCards port (refresh every card of a finding). */
  notifications: NotificationPipeline;
  /** Card verbs, write-back worker, reminders and the decision register. */
  triage: Triage;
  /** Raises one simulated alert, then ingests and drains the outbox so its card is posted (embedded mode only). */
  raiseSimulatedAlert?: () => Promise<void>;
  stop(): Promise<void>;
}

/** The composition root: wires config, store, data source, Teams app and HTTP server, then listens. */
export async function startBot(config: Config, clock: Clock = systemClock): Promise<RunningBot> {
  if (config.mode === 'azure') {
    throw new Error('MODE=azure is not available yet: the Azure data adapters are being built. Use MODE=embedded.');
  }
  setLogLevel(config.logLevel);
  const policy = loadPolicy(config.policyFile);
  const db = await openDatabase(config.store);
  const conversations = new ConversationStore(db);
  const dataSource = new EmbeddedDataSource({ seed: config.simulation.seed, now: clock.now(), zoneTag: config.zoneTag });
  const adapter = createAdapter(config.bot);
  const notifySettings = notifySettingsFrom(config.notify);
  const defaultSub = notifySettings.defaultSubscription ? parseSubscriptionCommand(notifySettings.defaultSubscription) : undefined;
  if (defaultSub && (!defaultSub.ok || defaultSub.command.action !== 'subscribe')) {
    throw new Error(`NOTIFY_DEFAULT_SUBSCRIPTION must be a "subscribe …" command or empty: ${defaultSub.ok ? 'it is not a subscribe command' : defaultSub.error}`);
  }
  const notifications = new NotificationPipeline({
    db,
    conversations,
    feed: new EmbeddedFindingFeed(dataSource),
    // The simulated tenant is regenerated at every start: its watermarks start over with a silent baseline.
    scope: `sim:${config.simulation.seed}:${dataSource.tenant.now.toISOString()}`,
    transport: new TeamsCardTransport(adapter, config.bot?.appId ?? ''),
    settings: notifySettings,
    now: () => clock.now(),
    crash: (point) => {
      log().warn({ point }, 'NOTIFY_TEST_CRASH_AT reached: killing the process (test-only hook)');
      process.kill(process.pid, 'SIGKILL');
    },
  });
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
  // Embedded mode: every Teams tenant sees the one simulated Defender tenant, and decisions change its tables.
  const triage: Triage = createTriage({
    db,
    policy,
    roles: new StaticRoleDirectory(policy),
    clock,
    actions: new EmbeddedDefenderActions(dataSource.tenant.tables, SIM_TENANT_ID),
    notifier: new TeamsTriageNotifier({ poster: () => poster, conversations, policy, users: new StaticUserDirectory(policy.users), triage: () => triage.service }),
    cards: notifications,
    findingTenant: () => SIM_TENANT_ID,
  });
  notifications.renderer.setTriageViewSource(triage.service);
  // Questions: the Recognizer is trained once here, on the inventory's resource names (the LLM planner, when
  // configured, goes first and falls back to it).
  const answers = await createAnswerService({
    runner: new EmbeddedQueryRunner(dataSource.tenant, clock),
    catalog: loadCatalog(),
    clock,
    zoneTag: config.zoneTag,
    portal: { tenantId: config.azure.tenantId, workspaceResourceId: config.azure.workspaceResourceId ?? SIMULATED_WORKSPACE_RESOURCE_ID },
    dataLabel: 'simulated Contoso Bank tenant',
    resourceNames: dataSource.tenant.resources.map((r) => r.name),
    llm: config.llm ? llmPlannerFactory(config.llm) : undefined,
  });
  const app = createTeamsApp(adapter, config.bot?.appId, {
    conversations,
    dataSource,
    dataSourceLabel: 'simulated Contoso Bank tenant (embedded mode)',
    clock,
    policy,
    roles: new StaticRoleDirectory(policy),
    digest: digest.service,
    notifications,
    triage: triage.service,
    users: triage.users,
    answers,
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

  await notifications.start();
  triage.start();
  const pollNow = () => void notifications.pollOnce().catch((err) => log().error({ err }, 'notification poll failed'));
  const trickle =
    config.simulation.trickleSeconds > 0
      ? startAlertTrickle({ clock, raise: (at) => dataSource.raiseAlert(at), onRaised: pollNow, intervalMs: config.simulation.trickleSeconds * 1000 })
      : undefined;
  // Sends any scheduled digest missed while the bot was down (once per period), then follows the schedules.
  await digest.scheduler.start();
  log().info({ url, mode: config.mode, auth: config.bot ? 'jwt' : 'anonymous (loopback only)', trickleSeconds: config.simulation.trickleSeconds }, 'bot listening');

  let stopped = false;
  return {
    url,
    conversations,
    dataSource,
    poster,
    digest,
    notifications,
    triage,
    raiseSimulatedAlert: async () => {
      dataSource.raiseAlert(clock.now());
      await notifications.pollOnce();
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      trickle?.stop();
      await notifications.stop();
      await triage.stop();
      digest.scheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
    },
  };
}
