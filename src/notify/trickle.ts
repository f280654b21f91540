import { alertCard } from '../cards/alert-card';
import type { AlertFinding } from '../domain/findings';
import type { Clock } from '../domain/ports';
import { log } from '../log';
import type { ProactivePoster } from '../teams/proactive';

/**
 * Embedded mode's live feed: every `intervalMs` the simulated tenant raises a new alert and its card is
 * posted to every installed conversation (minimal routing until subscriptions exist).
 */
export function startAlertTrickle(options: {
  intervalMs: number;
  clock: Clock;
  raise: (at: Date) => AlertFinding;
  poster: ProactivePoster;
}): { stop(): void; tick(): Promise<void> } {
  const tick = async () => {
    const alert = options.raise(options.clock.now());
    const result = await options.poster.broadcast(alertCard(alert));
    log().info({ alertId: alert.id, alertType: alert.alertType, resource: alert.resource.name, ...result }, 'simulated alert posted');
  };
  const timer = setInterval(() => {
    tick().catch((err) => log().error({ err }, 'alert trickle failed'));
  }, options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
