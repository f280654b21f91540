const USAGE = `Usage: ai-posture-bot <command>

Commands:
  start     Run the bot server with the configuration from env/ and the environment
  ask       Answer a question like the bot does, with its KQL (ask --help)
  kql       Run a KQL query against the embedded simulated tenant (kql --help)
  export    Write an evidence export as CSV: inventory, recommendations, attack-paths, alerts, register (export --help)
  audit     Verify the decision register against its anchors, anchor its head, or export it as CSV (audit --help)
  help      Show this text
`;

/**
 * Sub-commands load their modules lazily so a quick command does not pay for the server's start-up.
 * (A CommonJS `require`, because tsx leaves `import()` as an ESM import that cannot resolve .ts paths.)
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  start: () => (require('../main') as typeof import('../main')).main(),
  ask: async (args) => void (process.exitCode = await (require('./ask') as typeof import('./ask')).askCommand(args)),
  kql: async (args) => void (process.exitCode = (require('./kql') as typeof import('./kql')).kqlCommand(args)),
  export: (args) => (require('./export') as typeof import('./export')).exportCommand(args),
  audit: (args) => (require('./audit') as typeof import('./audit')).auditCommand(args),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The `ai-posture-bot` command. */
export function run(args: string[]): void {
  const [command = 'help', ...rest] = args;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  handler(rest).catch((err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
}
