/** How to start the Microsoft 365 Agents Playground (the local Teams client): shared by `npm start` and the e2e tests. */
import { join } from 'node:path';

const root = join(__dirname, '..');

export function playgroundCommand(options: { botEndpoint: string; port: number; logFile: string; configPath?: string }): {
  args: string[];
  env: NodeJS.ProcessEnv;
} {
  return {
    args: [
      require.resolve('@microsoft/m365agentsplayground/cli.js', { paths: [root] }),
      '-e', options.botEndpoint,
      '-c', 'msteams',
      '-p', String(options.port),
      '--dt',
    ],
    env: {
      // No browser of its own: a person opens the printed URL; tests drive Debian Chromium.
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath ?? join(root, '.m365agentsplayground.yml'),
      M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
    },
  };
}
