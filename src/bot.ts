import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { loadPolicy, PolicyRoleDirectory, StaticUserDirectory } from './config/policy';
import { createAnswerService } from './answers/create';
import { createAnchorStore } from './data/anchors';
import { createAzureMode, type AzureModeOptions } from './data/azure-mode';
import { createAzureCredential } from './data/azure/credential';
import { createEmbeddedMode } from './data/embedded-mode';
import type { DataMode } from './data/mode';
import { createDigest, type Digest } from './digest';
import { systemClock, type Clock, type DefenderDataSource, type DependencyStatus } from './domain/ports';
import { log, setLogLevel } from './log';
import { NotificationPipeline } from './notify/pipeline';
import { notifySettingsFrom } from './notify/settings';
import { startAlertTrickle } from './notify/trickle';
import { createHttpServer, listen, type HealthReport } from './server/http';
import { StoreClaimedFindings } from './store/claimed-findings';
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
  /** Embedded mode: runs the catalog once so the first questions are fast (the local engine's one-time set-up). */
  warmUp?: () => Promise<void>;
  /** Raises one simulated alert, then ingests and drains the outbox so its card is posted (embedded mode only). */
  raiseSimulatedAlert?: () => Promise<void>;
  stop(): Promise<void>;
}

/** Injected instead of the defaults; production passes nothing. */
export interface StartOptions {
  /** MODE=azure, and the Blob anchor store: a credential and SDK client options (tests: a fake credential and the stub's CA). */
  azure?: AzureModeOptions;
}

/** The mode-specific parts (data source, runner, feed, write-backs, inventory); everything else is shared. */
function createDataMode(config: Config, clock: Clock, options: StartOptions): DataMode {
  return config.mode === 'azure' ? createAzureMode(config, clock, options.azure) : createEmbeddedMode(config, clock);
}

/** The composition root: wires config, store, data mode, Teams app and HTTP server, then listens. */
export async function startBot(config: Config, clock: Clock = systemClock, options: StartOptions = {}): Promise<RunningBot> {
  setLogLevel(config.logLevel);
  const policy = loadPolicy(config.policyFile);
  const notifySettings = notifySettingsFrom(config.notify);
  const mode = createDataMode(config, clock, options);
  const people = mode.people(new StaticUserDirectory(policy.users));
  const roles = new PolicyRoleDirectory(policy, people.groups);
  if (roles.namesGroups && !people.groups) log().warn('the policy names Entra groups, which only Azure mode resolves (Microsoft Graph): here those roles go to the listed users only');
  const users = people.users;
  // DATABASE_AUTH=entra: the bot signs in to PostgreSQL as its managed identity (the Azure credential).
  const db = await openDatabase(config.store, config.store.kind === 'postgres' && config.store.entra ? { credential: options.azure?.credential ?? createAzureCredential({ clientId: config.azure.clientId }) } : {});
  const conversations = new ConversationStore(db);
  const adapter = createAdapter(config.bot);
  const poster = new ProactivePoster(adapter, config.bot?.appId ?? '');
  const notifications = new NotificationPipeline({
    db,
    conversations,
    feed: mode.findingFeed,
    scope: mode.feedScope,
    transport: new TeamsCardTransport(adapter, config.bot?.appId ?? ''),
    settings: notifySettings,
    now: () => clock.now(),
    crash: (point) => {
      log().warn({ point }, 'NOTIFY_TEST_CRASH_AT reached: killing the process (test-only hook)');
      process.kill(process.pid, 'SIGKILL');
    },
  });
  const digest = createDigest({
    db,
    clock,
    config,
    policy,
    roles,
    conversations,
    runner: mode.queryRunner,
    sourceLabel: mode.label,
    post: (conv, card) => poster.post(conv, card),
  });
  const triage: Triage = createTriage({
    db,
    policy,
    roles,
    clock,
    actions: mode.defenderActions,
    targets: mode.writeTargets,
    writeback: config.writeback,
    users,
    notifier: new TeamsTriageNotifier({
      poster: () => poster,
      conversations,
      policy,
      users,
      triage: () => triage.service,
      cards: () => notifications,
    }),
    cards: notifications,
    findingTenant: (teamsTenantId) => mode.findingTenant(teamsTenantId),
    anchors: createAnchorStore(config, options.azure),
    anchorIntervalMs: config.anchors.intervalMinutes * 60_000,
  });
  notifications.renderer.setTriageViewSource(triage.service);
  // Questions: NLP.js is trained once here; the `resource` slot follows the mode's inventory names (the LLM
  // planner, when configured, goes first and falls back to it).
  const answers = await createAnswerService({
    runner: mode.queryRunner,
    catalog: loadCatalog(),
    clock,
    zoneTag: config.zoneTag,
    portal: { tenantId: config.azure.tenantId, workspaceResourceId: mode.workspaceResourceId },
    dataLabel: mode.answerLabel,
    resourceNames: () => mode.resourceNames(),
    llm: config.llm ? llmPlannerFactory(config.llm) : undefined,
    // "What's assigned to me" adds the asker's Teams claims (attack paths, alerts) from the decision store.
    claims: { findings: new StoreClaimedFindings(db), tenantOf: (teamsTenantId) => mode.findingTenant(teamsTenantId ?? config.azure.tenantId ?? '') },
  });
  const app = createTeamsApp(adapter, config.bot?.appId, {
    conversations,
    dataSourceLabel: mode.label,
    clock,
    policy,
    roles,
    digest: digest.service,
    notifications,
    triage: triage.service,
    users: triage.users,
    answers,
  });

  const health = async (): Promise<HealthReport> => {
    const store = await conversations
      .ping()
      .then((): DependencyStatus => ({ ok: true, kind: config.store.kind }))
      .catch((err: Error): DependencyStatus => ({ ok: false, kind: config.store.kind, detail: err.message }));
    const data = await mode.dataSource.status().catch((err: Error): DependencyStatus => ({ ok: false, kind: mode.dataSource.kind, detail: err.message }));
    return { status: store.ok && data.ok ? 'ok' : 'degraded', mode: config.mode, store, dataSource: data };
  };

  // Azure: the first inventory load (never throws: a failure shows on /healthz and is retried within a minute).
  await mode.start();
  const server = createHttpServer({ adapter, app, health });
  await listen(server, config.server.port, config.server.host);
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  await notifications.start();
  if (config.mode === 'azure' && !config.anchors.blobUrl) {
    log().warn({ file: config.anchors.file }, 'REGISTER_ANCHOR_BLOB_URL is not set: the decision register is anchored to a local file, not to an immutable Blob container (docs/register-anchors.md)');
  }
  triage.start();
  const simulation = mode.simulation;
  const pollNow = () => void notifications.pollOnce().catch((err) => log().error({ err }, 'notification poll failed'));
  const trickle =
    simulation && config.simulation.trickleSeconds > 0
      ? startAlertTrickle({ clock, raise: (at) => simulation.raiseAlert(at), onRaised: pollNow, intervalMs: config.simulation.trickleSeconds * 1000 })
      : undefined;
  // Sends any scheduled digest missed while the bot was down (once per period), then follows the schedules.
  await digest.scheduler.start();
  log().info({ url, mode: config.mode, data: mode.label, auth: config.bot ? 'jwt' : 'anonymous (loopback only)', trickleSeconds: trickle ? config.simulation.trickleSeconds : 0 }, 'bot listening');

  let stopped = false;
  return {
    url,
    conversations,
    dataSource: mode.dataSource,
    poster,
    digest,
    notifications,
    triage,
    ...(simulation && {
      warmUp: () => answers.warmUp(),
      raiseSimulatedAlert: async () => {
        simulation.raiseAlert(clock.now());
        await notifications.pollOnce();
      },
    }),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      trickle?.stop();
      mode.stop();
      await notifications.stop();
      await triage.stop();
      digest.scheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
    },
  };
}
