import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';

const root: Logger = pino({
  // The level until the validated configuration applies its own (startBot → setLogLevel).
  level: process.env.LOG_LEVEL ?? 'info',
  base: { app: 'ai-posture-bot' },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ['*.password', '*.authorization', 'headers.authorization'], censor: '[redacted]' },
});

const turnScope = new AsyncLocalStorage<Logger>();

export function setLogLevel(level: string): void {
  root.level = level;
}

/** The logger for the current turn (it carries the turn's correlation id), or the root logger. */
export function log(): Logger {
  return turnScope.getStore() ?? root;
}

/** Runs `fn` with every log line inside it tagged with `correlationId`. */
export function withCorrelation<T>(correlationId: string, fn: () => T): T {
  return turnScope.run(root.child({ correlationId }), fn);
}
