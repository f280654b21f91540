import type { Clock } from '../domain/ports';
import { log } from '../log';

/**
 * Embedded mode's live feed: every `intervalMs` the simulated tenant raises a new alert. It only adds the
 * alert to the tenant; the poller ingests it like any other Defender change (`onRaised` asks for a poll now).
 */
export function startAlertTrickle(options: { intervalMs: number; clock: Clock; raise: (at: Date) => { id: string }; onRaised?: () => void }): { stop(): void } {
  const timer = setInterval(() => {
    try {
      const alert = options.raise(options.clock.now());
      log().info({ alertId: alert.id }, 'simulated alert raised');
      options.onRaised?.();
    } catch (err) {
      log().error({ err }, 'alert trickle failed');
    }
  }, options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
