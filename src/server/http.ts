import { randomUUID } from 'node:crypto';
import restify from 'restify';
import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { DependencyStatus } from '../domain/ports';
import { log, withCorrelation } from '../log';
import { activityProblem } from './activity-shape';

export interface HealthReport {
  status: 'ok' | 'degraded';
  mode: string;
  store: DependencyStatus;
  dataSource: DependencyStatus;
}

export interface HttpDeps {
  adapter: TeamsAdapter;
  app: Application;
  health: () => Promise<HealthReport>;
}

/** POST /api/messages (Bot Framework) and GET /healthz. */
export function createHttpServer(deps: HttpDeps): restify.Server {
  const server = restify.createServer({ name: 'ai-posture-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024 }));

  server.post('/api/messages', async (req, res) => {
    const body = (req.body ?? {}) as { id?: string; type?: string };
    // One id per turn ties together every log line the turn writes, here and in the handlers.
    const correlationId = typeof body.id === 'string' && body.id ? body.id : randomUUID();
    await withCorrelation(correlationId, async () => {
      const problem = activityProblem(req.body);
      if (problem) {
        log().warn({ problem }, 'malformed activity refused');
        res.json(400, { error: `Not a Bot Framework activity: ${problem}` });
        return;
      }
      log().debug({ activityType: body.type }, 'activity received');
      await deps.adapter.process(req, res, async (context) => {
        await deps.app.run(context);
      });
    });
  });

  server.get('/healthz', async (_req, res) => {
    const report = await deps.health();
    res.json(report.status === 'ok' ? 200 : 503, report);
  });

  return server;
}

export function listen(server: restify.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
}
