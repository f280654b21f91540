import { PACKAGE_ROOT } from './paths';
import { startBot } from './bot';
import { ConfigError, loadConfig } from './config';
import { PolicyError } from './config/policy';
import { log } from './log';

/** Starts the bot server; stops gracefully on SIGTERM/SIGINT (in-flight turns finish, the store closes). */
export async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(PACKAGE_ROOT);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const bot = await startBot(config).catch((err: Error) => {
    if (err instanceof PolicyError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  });
  const shutdown = (signal: string) => {
    log().info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    bot.stop().then(
      () => process.exit(0),
      (err) => {
        log().error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  if (bot.warmUp) {
    const started = Date.now();
    await bot.warmUp();
    log().info({ ms: Date.now() - started }, 'catalog warmed up: first questions answer at full speed');
  }
}

if (require.main === module) {
  main().catch((err) => {
    log().fatal({ err }, 'start-up failed');
    process.exit(1);
  });
}
