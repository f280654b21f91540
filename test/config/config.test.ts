import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseConfig, readEnvFiles } from '../../src/config';
import { configSchema } from '../../src/config/schema';

function errorOf(vars: Record<string, string>): string {
  try {
    parseConfig(vars);
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected ConfigError, got ${String(err)}`);
    return err.message;
  }
  assert.fail('expected the configuration to be rejected');
}

describe('configuration', () => {
  it('defaults to embedded mode on loopback with anonymous auth and SQLite', () => {
    const c = parseConfig({});
    assert.equal(c.mode, 'embedded');
    assert.deepEqual(c.server, { port: 3978, host: '127.0.0.1' });
    assert.equal(c.bot, undefined);
    assert.deepEqual(c.store, { kind: 'sqlite', path: '.data/ai-posture-bot.sqlite' });
    assert.deepEqual(c.simulation, { seed: 42, trickleSeconds: 0 });
    assert.equal(c.zoneTag, 'governance-zone');
  });

  it('writes back by default in embedded mode only; WRITEBACK overrides; Entra database auth keeps no password', () => {
    assert.equal(parseConfig({}).writeback, true);
    const azure = { MODE: 'azure', BOT_ID: 'b', AZURE_SUBSCRIPTION_IDS: '11111111-2222-3333-4444-555555555555', LOG_ANALYTICS_WORKSPACE_ID: '11111111-2222-3333-4444-555555555555' };
    assert.equal(parseConfig(azure).writeback, false, 'Azure starts with write-back off');
    assert.equal(parseConfig({ ...azure, WRITEBACK: 'on' }).writeback, true);
    assert.equal(parseConfig({ WRITEBACK: 'off' }).writeback, false);
    const c = parseConfig({ STORE: 'postgres', DATABASE_AUTH: 'entra', DATABASE_URL: 'postgres://aiposture-id@db.postgres.database.azure.com:5432/aiposturebot?sslmode=require' });
    assert.deepEqual(c.store, { kind: 'postgres', url: 'postgres://aiposture-id@db.postgres.database.azure.com:5432/aiposturebot?sslmode=require', entra: { scope: 'https://ossrdbms-aad.database.windows.net/.default' } });
  });

  it('binds to all interfaces and turns JWT validation on when a bot app id is set', () => {
    const c = parseConfig({ BOT_ID: '11111111-2222-3333-4444-555555555555', BOT_PASSWORD: 's3cret' });
    assert.equal(c.server.host, '0.0.0.0');
    assert.deepEqual(c.bot, {
      appId: '11111111-2222-3333-4444-555555555555',
      password: 's3cret',
      tenantId: undefined,
      type: 'MultiTenant',
      openIdMetadataUrl: undefined,
    });
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['unknown MODE', { MODE: 'cloud' }, /MODE must be one of embedded, azure \(got "cloud"\)/],
    ['non-numeric PORT', { PORT: 'eighty' }, /PORT: Expected number, received nan \(got "eighty"\)/],
    ['PORT out of range', { PORT: '70000' }, /PORT: .*65535.*\(got "70000"\)/],
    ['unknown LOG_LEVEL', { LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    ['negative trickle', { SIM_TRICKLE_SECONDS: '-5' }, /SIM_TRICKLE_SECONDS: .*0/],
    ['password without app id', { BOT_PASSWORD: 'x' }, /BOT_ID is required when BOT_PASSWORD is set/],
    ['public host without app id', { BIND_HOST: '0.0.0.0' }, /BIND_HOST must be a loopback address while BOT_ID is empty/],
    ['postgres without url', { STORE: 'postgres' }, /DATABASE_URL is required when STORE=postgres/],
    ['azure without settings', { MODE: 'azure' }, /AZURE_SUBSCRIPTION_IDS is required[\s\S]*LOG_ANALYTICS_WORKSPACE_ID is required[\s\S]*BOT_ID is required when MODE=azure/],
    ['malformed subscription id', { AZURE_SUBSCRIPTION_IDS: 'not-a-guid' }, /entry 1 \("not-a-guid"\) is not a subscription GUID/],
    ['a default subscription that is not a subscribe command', { NOTIFY_DEFAULT_SUBSCRIPTION: 'subscribe zone 9 alerts' }, /NOTIFY_DEFAULT_SUBSCRIPTION must be a "subscribe …" command or empty/],
    ['single tenant without tenant id', { BOT_ID: 'abc', BOT_TYPE: 'SingleTenant' }, /BOT_TENANT_ID is required when BOT_TYPE is SingleTenant/],
    ['an anchor container URL with a SAS token', { REGISTER_ANCHOR_BLOB_URL: 'https://contosoaudit.blob.core.windows.net/register-anchors?sv=2024-08-04&sig=abc' }, /REGISTER_ANCHOR_BLOB_URL must be the https:\/\/ URL of a Blob container without a SAS token/],
    ['an anchor container URL over http', { REGISTER_ANCHOR_BLOB_URL: 'http://contosoaudit.blob.core.windows.net/register-anchors' }, /REGISTER_ANCHOR_BLOB_URL must be the https:\/\/ URL/],
    ['a negative anchor interval', { REGISTER_ANCHOR_MINUTES: '-1' }, /REGISTER_ANCHOR_MINUTES: .*0/],
    ['an unknown WRITEBACK', { WRITEBACK: 'yes' }, /WRITEBACK must be one of on, off \(got "yes"\)/],
    ['Entra database auth with a password in the URL', { STORE: 'postgres', DATABASE_AUTH: 'entra', DATABASE_URL: 'postgres://bot:pw@db:5432/app' }, /DATABASE_URL must not contain a password when DATABASE_AUTH=entra/],
    ['Entra database auth without a role name', { STORE: 'postgres', DATABASE_AUTH: 'entra', DATABASE_URL: 'postgres://db:5432/app' }, /DATABASE_URL must name the database role of the bot identity/],
    ['Entra database auth on SQLite', { DATABASE_AUTH: 'entra' }, /DATABASE_AUTH can only be entra with STORE=postgres/],
    ['a Graph endpoint with a path', { MICROSOFT_GRAPH_ENDPOINT: 'https://graph.microsoft.com/v1.0' }, /MICROSOFT_GRAPH_ENDPOINT must be an https:\/\/ origin without a path/],
  ];
  for (const [name, vars, expected] of bad) {
    it(`rejects ${name} with a message naming the variable`, () => {
      const message = errorOf(vars);
      assert.match(message, expected);
      assert.match(message, /see the README's configuration table/);
    });
  }

  it('anchors the register beside the SQLite file by default, hourly; a Blob container when one is set', () => {
    assert.deepEqual(parseConfig({}).anchors, { file: '.data/register-anchors.jsonl', blobUrl: undefined, intervalMinutes: 60 });
    assert.equal(parseConfig({ SQLITE_PATH: '/var/lib/bot/bot.sqlite' }).anchors.file, '/var/lib/bot/register-anchors.jsonl');
    assert.deepEqual(parseConfig({ REGISTER_ANCHOR_BLOB_URL: 'https://contosoaudit.blob.core.windows.net/register-anchors/', REGISTER_ANCHOR_MINUTES: '0' }).anchors, {
      file: '.data/register-anchors.jsonl',
      blobUrl: 'https://contosoaudit.blob.core.windows.net/register-anchors',
      intervalMinutes: 0,
    });
  });

  it('reads env/.env.<APP_ENV> then the .user file, with the environment winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    mkdirSync(join(dir, 'env'));
    writeFileSync(join(dir, 'env', '.env.local'), 'PORT=4000\nSIM_SEED=7\nLOG_LEVEL=debug\n');
    writeFileSync(join(dir, 'env', '.env.local.user'), 'SIM_SEED=8\n');
    const c = loadConfig(dir, { LOG_LEVEL: 'warn' });
    assert.equal(c.server.port, 4000);
    assert.equal(c.simulation.seed, 8);
    assert.equal(c.logLevel, 'warn');
  });

  it('documents every variable in the README configuration table', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const keys = Object.keys((configSchema as unknown as { _def: { schema: { shape: object } } })._def.schema.shape);
    for (const key of [...keys, 'APP_ENV']) assert.match(readme, new RegExp(`\\| \`${key}\` \\|`), `README is missing ${key}`);
  });

  it('ships env files that validate', () => {
    const root = join(__dirname, '..', '..');
    assert.equal(loadConfig(root, { APP_ENV: 'local' }).mode, 'embedded');
    assert.match(errorOf(readEnvFiles(root, 'dev')), /BOT_ID is required when MODE=azure/);
  });
});
