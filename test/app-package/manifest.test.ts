import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { inflateSync } from 'node:zlib';

// The Teams app package is the appPackage folder zipped flat (docs/deploy.md). These tests check what Teams
// would reject on upload: schema violations, wrong icon sizes, a non-white outline icon, unreplaceable ids.

const REPO = join(__dirname, '../..');
const APP_PACKAGE = join(REPO, 'appPackage');
// Microsoft's schema lives beside the repo in ../shared (CI has it); it is read, never copied into the repo.
const SCHEMA_DIR = join(REPO, '../shared/reference/teams/manifest');

// Agents Toolkit placeholders the manifest carries instead of real ids and links; m365agents.yml fills them from
// env/.env.<env> (docs/deploy.md). The ids are written by provision (sample GUIDs here); the publisher's name and
// links are the values env/.env.dev ships with.
const DEV_ENV = parseEnv(readFileSync(join(REPO, 'env', '.env.dev'), 'utf8')) as Record<string, string>;
const PLACEHOLDERS: Record<string, string> = {
  TEAMS_APP_ID: '00000000-0000-4000-8000-000000000001',
  BOT_ID: '00000000-0000-4000-8000-000000000002',
  ...Object.fromEntries(['APP_DEVELOPER_NAME', 'APP_WEBSITE_URL', 'APP_PRIVACY_URL', 'APP_TERMS_URL'].map((k) => [k, DEV_ENV[k] ?? ''])),
};
// The Teams command menu shows at most 32 characters of a title (the schema's own limit up to v1.19).
const COMMAND_TITLE_MAX = 32;
const EXPECTED_COMMANDS = [
  'help',
  'show Zone 3 attack paths',
  'jailbreak attempts this week',
  "what's our AI secure score",
  "what's assigned to me",
];

interface Command { title: string; description?: string }
interface CommandList { scopes: string[]; commands: Command[] }
interface Manifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  name: { short: string; full?: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  bots: { botId: string; scopes: string[]; supportsFiles?: boolean; commandLists?: CommandList[] }[];
  validDomains?: string[];
  webApplicationInfo?: unknown;
}
type JsonSchema = { properties: Record<string, JsonSchema>; items?: JsonSchema; maxLength?: number; [k: string]: unknown };

const rawManifest = readFileSync(join(APP_PACKAGE, 'manifest.json'), 'utf8');
const manifest = JSON.parse(rawManifest) as Manifest;

/** The manifest as the Agents Toolkit would emit it, with every `${{NAME}}` replaced (see PLACEHOLDERS). */
function resolvedManifest(): Manifest {
  const text = rawManifest.replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_m, name: string) => {
    assert.ok(name in PLACEHOLDERS, `unknown placeholder \${{${name}}} in manifest.json`);
    return PLACEHOLDERS[name];
  });
  return JSON.parse(text) as Manifest;
}

/** Schema folder of the newest version present, e.g. v1.29, or undefined when ../shared is absent. */
function newestSchemaVersion(): string | undefined {
  if (!existsSync(SCHEMA_DIR)) return undefined;
  const versions = readdirSync(SCHEMA_DIR)
    .filter((d) => /^v\d+\.\d+$/.test(d) && existsSync(join(SCHEMA_DIR, d, 'MicrosoftTeams.schema.json')))
    .map((d) => d.slice(1));
  versions.sort((a, b) => {
    const [am, an] = a.split('.').map(Number);
    const [bm, bn] = b.split('.').map(Number);
    return am - bm || an - bn;
  });
  return versions.at(-1);
}

function loadSchema(version: string): JsonSchema {
  return JSON.parse(readFileSync(join(SCHEMA_DIR, `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8')) as JsonSchema;
}

interface Png { width: number; height: number; colorType: number; rgba: Uint8Array }

/** Minimal PNG reader: IHDR from the header bytes, pixels from the inflated IDAT stream (8-bit, no interlace). */
function readPng(file: string): Png {
  const buf = readFileSync(file);
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file}: not a PNG`);
  assert.equal(buf.toString('latin1', 12, 16), 'IHDR', `${file}: first chunk must be IHDR`);
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const bitDepth = buf[24];
  const colorType = buf[25];
  const interlace = buf[28];
  const idat: Buffer[] = [];
  for (let off = 8; off < buf.length; ) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    if (type === 'IDAT') idat.push(buf.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
  assert.ok(bitDepth === 8 && channels && interlace === 0, `${file}: the test reads 8-bit non-interlaced grey/RGB(A) PNGs only`);
  const data = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    const line = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      assert.ok(pred !== undefined, `${file}: bad filter type ${filter}`);
      out[y * stride + x] = (line[x] + pred) & 0xff;
    }
  }
  // Normalise to RGBA so callers need not care about the stored colour type.
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const px = out.subarray(i * channels, (i + 1) * channels);
    const [r, g, b] = channels >= 3 ? [px[0], px[1], px[2]] : [px[0], px[0], px[0]];
    const alpha = channels === 4 ? px[3] : channels === 2 ? px[1] : 255;
    rgba.set([r, g, b, alpha], i * 4);
  }
  return { width, height, colorType, rgba };
}

describe('Teams app package', () => {
  it('validates against the newest Microsoft Teams manifest schema in ../shared', async function () {
    const version = newestSchemaVersion();
    if (!version) this.skip(); // a clone without ../shared: the structural tests below still run
    assert.equal(manifest.manifestVersion, version, `use the newest schema present (v${version})`);
    assert.equal(
      manifest.$schema,
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
    );
    // jsonschema (draft-04, which the Teams schema declares) arrives with @microsoft/teams-ai; loaded by a
    // computed name so the type check does not depend on a package the project does not list itself.
    const moduleName = 'jsonschema';
    let Validator: new () => { validate(i: unknown, s: unknown): { errors: { stack: string }[] } };
    try {
      ({ Validator } = (await import(moduleName)) as { Validator: typeof Validator });
    } catch {
      return this.skip();
    }
    const result = new Validator().validate(resolvedManifest(), loadSchema(version!));
    assert.deepEqual(result.errors.map((e) => e.stack), []);
  });

  it('keeps names and descriptions within the schema limits', function () {
    const version = newestSchemaVersion();
    // Fallbacks are the limits of v1.29, used only when the schema is not beside the repo.
    const props = version ? loadSchema(version).properties : undefined;
    const limit = (field: 'name' | 'description', key: string, fallback: number) =>
      props?.[field].properties[key].maxLength ?? fallback;
    assert.equal(manifest.name.short, 'AI Posture Bot');
    assert.ok(manifest.name.short.length <= limit('name', 'short', 30));
    assert.ok((manifest.name.full ?? '').length <= limit('name', 'full', 100));
    const { short, full } = manifest.description;
    assert.ok(short.length > 0 && short.length <= limit('description', 'short', 80), `short description is ${short.length} chars`);
    assert.ok(full.length > short.length && full.length <= limit('description', 'full', 4000), `full description is ${full.length} chars`);
    assert.match(short, /Defender for Cloud/);
    assert.match(full, /Defender for Cloud/);
    assert.match(manifest.accentColor, /^#[0-9a-fA-F]{6}$/);
  });

  it('carries Teams Toolkit placeholders for the app id and the bot id, never real ids', () => {
    assert.equal(manifest.id, '${{TEAMS_APP_ID}}');
    assert.equal(manifest.bots[0].botId, '${{BOT_ID}}');
    const used = [...rawManifest.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(used)].sort(), Object.keys(PLACEHOLDERS).sort());
    assert.doesNotMatch(rawManifest, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, 'no GUIDs in the committed manifest');
    // The toolkit fills each placeholder from env/.env.<env>: the dev environment names every one.
    for (const name of Object.keys(PLACEHOLDERS)) assert.ok(name in DEV_ENV, `env/.env.dev does not define ${name}`);
  });

  it('declares one conversational bot for personal, team and group chat, without files', () => {
    assert.equal(manifest.bots.length, 1);
    const bot = manifest.bots[0];
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    assert.equal(bot.supportsFiles, false);
    assert.deepEqual(manifest.validDomains, []);
    assert.equal(manifest.webApplicationInfo, undefined);
  });

  it('lists the example commands for every bot scope, with titles the command menu shows in full', () => {
    const lists = manifest.bots[0].commandLists ?? [];
    const covered = lists.flatMap((l) => l.scopes).sort();
    assert.deepEqual(covered, ['groupChat', 'personal', 'team'], 'each bot scope in exactly one command list');
    for (const list of lists) {
      const titles = list.commands.map((c) => c.title);
      assert.deepEqual(titles, EXPECTED_COMMANDS, `commands for ${list.scopes.join(', ')}`);
      for (const c of list.commands) {
        assert.ok(c.title.length <= COMMAND_TITLE_MAX, `"${c.title}" is longer than ${COMMAND_TITLE_MAX} characters`);
        assert.ok(c.description && c.description.length > 0, `"${c.title}" needs a description`);
      }
    }
  });

  it('points developer links at the project repository (https, not example.com) as env/.env.dev ships them', () => {
    const { name, websiteUrl, privacyUrl, termsOfUseUrl } = resolvedManifest().developer;
    assert.ok(name.length > 0 && name.length <= 32);
    for (const url of [websiteUrl, privacyUrl, termsOfUseUrl]) {
      assert.match(url, /^https:\/\/github\.com\/[^/]+\/ai-posture-bot(\/|$)/);
      assert.doesNotMatch(url, /example\.(com|org|net)/);
    }
  });

  it('ships a 192x192 colour icon and a 32x32 white-on-transparent outline icon', () => {
    const color = readPng(join(APP_PACKAGE, manifest.icons.color));
    assert.deepEqual([color.width, color.height], [192, 192]);

    const outline = readPng(join(APP_PACKAGE, manifest.icons.outline));
    assert.deepEqual([outline.width, outline.height], [32, 32]);
    assert.ok(outline.colorType === 4 || outline.colorType === 6, 'outline icon needs an alpha channel');
    let opaque = 0, transparent = 0;
    for (let i = 0; i < outline.rgba.length; i += 4) {
      const [r, g, b, a] = outline.rgba.subarray(i, i + 4);
      if (a === 0) transparent++;
      else {
        opaque++;
        assert.deepEqual([r, g, b], [255, 255, 255], `outline pixel ${i / 4} is not white`);
      }
    }
    assert.ok(opaque > 0 && transparent > 0, 'outline icon must draw a white glyph on a transparent background');
  });

  it('holds only what goes into the zip: the manifest and the icons it names', () => {
    const files = readdirSync(APP_PACKAGE).sort();
    assert.deepEqual(files, ['manifest.json', manifest.icons.color, manifest.icons.outline].sort());
  });
});
