import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseEnv } from 'node:util';
import { configSchema } from '../../src/config/schema';
import { FORBIDDEN_ROLE_IDS, TEMPLATE_REFERENCE, WRITE_BACK_ACTIONS } from './template-reference';

const ROOT = join(__dirname, '..', '..');
const INFRA = join(ROOT, 'infra');

/** What this test reads from a .bicep file: enough structure to check it without the Bicep compiler. */
interface BicepFile {
  path: string;
  /** The source with comments removed and string contents kept. */
  code: string;
  targetScope: string;
  params: Map<string, { type: string; hasDefault: boolean }>;
  resources: { symbol: string; type: string; apiVersion: string; existing: boolean }[];
  modules: { symbol: string; path: string; body: string }[];
  outputs: string[];
}

/** Removes // and /* *\/ comments outside strings, and fails on unbalanced braces, brackets, parentheses or quotes. */
function stripComments(source: string, path: string): string {
  let out = '';
  const stack: string[] = [];
  const pairs: Record<string, string> = { '}': '{', ']': '[', ')': '(' };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (source.startsWith("'''", i)) {
      const end = source.indexOf("'''", i + 3);
      assert.ok(end > 0, `${path}: unterminated ''' string`);
      out += source.slice(i, end + 3);
      i = end + 2;
    } else if (c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== "'" && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      assert.equal(source[j], "'", `${path}: unterminated string at offset ${i}`);
      out += source.slice(i, j + 1);
      i = j;
    } else if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i++;
      out += '\n';
    } else if (source.startsWith('/*', i)) {
      i = source.indexOf('*/', i) + 1;
      assert.ok(i > 0, `${path}: unterminated comment`);
    } else {
      if ('{[('.includes(c)) stack.push(c);
      if ('}])'.includes(c)) assert.equal(stack.pop(), pairs[c], `${path}: unbalanced '${c}' at offset ${i}`);
      out += c;
    }
  }
  assert.deepEqual(stack, [], `${path}: unclosed ${stack.join('')}`);
  return out;
}

function parseBicep(path: string): BicepFile {
  const code = stripComments(readFileSync(path, 'utf8'), path);
  const all = (re: RegExp) => [...code.matchAll(re)];
  const moduleBodies = all(/^module\s+(\w+)\s+'([^']+)'\s*=/gm).map((m) => {
    // The module's body: from its `=` to the next top-level declaration.
    const start = m.index!;
    const next = code.slice(start + 1).search(/^(resource|module|output|param|var)\s/m);
    return { symbol: m[1]!, path: m[2]!, body: code.slice(start, next < 0 ? undefined : start + 1 + next) };
  });
  return {
    path: relative(ROOT, path),
    code,
    targetScope: /^targetScope\s*=\s*'(\w+)'/m.exec(code)?.[1] ?? 'resourceGroup',
    params: new Map(all(/^param\s+(\w+)\s+(\w+)(\s*=)?/gm).map((m) => [m[1]!, { type: m[2]!, hasDefault: Boolean(m[3]) }])),
    resources: all(/^resource\s+(\w+)\s+'([^'@]+)@([^']+)'\s*(existing)?/gm).map((m) => ({ symbol: m[1]!, type: m[2]!, apiVersion: m[3]!, existing: Boolean(m[4]) })),
    modules: moduleBodies,
    outputs: all(/^output\s+(\w+)\s/gm).map((m) => m[1]!),
  };
}

function bicepFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? bicepFiles(join(dir, e.name)) : e.name.endsWith('.bicep') ? [join(dir, e.name)] : []));
}

const files = bicepFiles(INFRA).map(parseBicep);
const byPath = (p: string) => files.find((f) => f.path === p)!;
const main = byPath('infra/main.bicep');
const roles = byPath('infra/modules/subscription-roles.bicep');
const DEV_ENV = parseEnv(readFileSync(join(ROOT, 'env', '.env.dev'), 'utf8')) as Record<string, string>;

describe('infra: the Bicep templates (checked without a Bicep compiler)', () => {
  it('parses every .bicep file (balanced braces, brackets and strings)', () => {
    assert.ok(files.length >= 5, files.map((f) => f.path).join(', '));
  });

  for (const f of files) {
    it(`${f.path}: every resource type and API version is in Microsoft's template reference`, () => {
      assert.ok(f.resources.length > 0);
      for (const r of f.resources) {
        const key = `${r.type}@${r.apiVersion}`;
        assert.ok(key in TEMPLATE_REFERENCE, `${f.path}: ${r.symbol} uses ${key}, which test/infra/template-reference.ts does not list (cite its learn.microsoft.com/azure/templates page)`);
      }
    });
  }

  it('modules exist and are deployed at the scope they declare', () => {
    for (const f of files) {
      for (const m of f.modules) {
        const target = join(dirname(join(ROOT, f.path)), m.path);
        assert.ok(existsSync(target), `${f.path}: module ${m.symbol} → ${m.path} does not exist`);
        const scope = byPath(relative(ROOT, target)).targetScope;
        const scopedTo = /\bscope:\s*(subscription|resourceGroup|managementGroup)\(/.exec(m.body)?.[1];
        assert.equal(scopedTo ?? f.targetScope, scope, `${f.path}: module ${m.symbol} targets ${scope} but is deployed at ${scopedTo ?? f.targetScope}`);
      }
    }
  });

  it('grants no broad built-in role; the write-back role holds exactly the documented actions and only with write-back on', () => {
    for (const f of files) for (const id of FORBIDDEN_ROLE_IDS) assert.doesNotMatch(f.code, new RegExp(id, 'i'), `${f.path} assigns a forbidden built-in role ${id}`);
    const actions = [...roles.code.matchAll(/^\s+'(Microsoft\.[^']+)'$/gm)].map((m) => m[1]);
    assert.deepEqual(actions, WRITE_BACK_ACTIONS);
    assert.doesNotMatch(roles.code, /'\*'|\/\*'/, 'no wildcard actions');
    assert.match(roles.code, /resource writeBackRole 'Microsoft\.Authorization\/roleDefinitions@2022-04-01' = if \(writeBack\)/);
    assert.match(roles.code, /resource writeBackAssignment 'Microsoft\.Authorization\/roleAssignments@2022-04-01' = if \(writeBack\)/);
    assert.match(main.code, /writeBack: writeBack == 'on'/);
    const mg = byPath('infra/management-group-exempt.bicep');
    assert.equal(mg.targetScope, 'managementGroup');
    assert.deepEqual([...mg.code.matchAll(/'(Microsoft\.Authorization\/[^']+\/action)'/g)].map((m) => m[1]), ['Microsoft.Authorization/policyAssignments/exempt/action']);
  });

  it("the bot's database login has no password; only the break-glass administrator has one, and it is not generated", () => {
    const url = /name: 'DATABASE_URL', value: '([^']+)'/.exec(main.code)?.[1];
    assert.ok(url, 'DATABASE_URL app setting');
    assert.match(url, /^postgres:\/\/\$\{identity\.name\}@/, 'the role is the identity');
    assert.doesNotMatch(url, /:\$\{[^}]*[Pp]assword|:[^/@]+@/, 'no password in the URL');
    assert.match(main.code, /name: 'DATABASE_AUTH', value: 'entra'/);
    assert.doesNotMatch(main.code, /newGuid\(\)/, 'no password that changes on every deployment');
    assert.equal(main.params.get('postgresAdminPassword')?.hasDefault, false);
    assert.match(main.code, /@secure\(\)\n@minLength\(16\)\nparam postgresAdminPassword string/);
    assert.doesNotMatch(main.code, /Microsoft\.KeyVault/, 'no secret left to keep in a vault');
  });

  it('runs Node 22 LTS with the /healthz probe, Application Insights and diagnostic settings', () => {
    assert.match(main.code, /linuxFxVersion: 'NODE\|22-lts'/);
    assert.match(main.code, /healthCheckPath: '\/healthz'/);
    assert.match(main.code, /name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights\.properties\.ConnectionString/);
    assert.match(main.code, /name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3'/);
    const diagnostics = main.resources.filter((r) => r.type === 'Microsoft.Insights/diagnosticSettings').length;
    assert.equal(diagnostics, 3, 'app, database and bot');
    assert.match(main.code, /category: 'AppServiceConsoleLogs'/, "the bot's pino logs");
  });

  it("the app settings it writes are the bot's configuration variables (or App Service's own)", () => {
    const appSettings = [...main.code.matchAll(/\{ name: '([A-Za-z_]+)', value:/g)].map((m) => m[1]!);
    const known = new Set([...Object.keys((configSchema as unknown as { _def: { schema: { shape: object } } })._def.schema.shape), 'APP_ENV']);
    const platform = new Set(['APPLICATIONINSIGHTS_CONNECTION_STRING', 'ApplicationInsightsAgent_EXTENSION_VERSION', 'SCM_DO_BUILD_DURING_DEPLOYMENT']);
    for (const s of appSettings) assert.ok(known.has(s) || platform.has(s), `${s} is neither a config variable (src/config/schema.ts) nor an App Service setting`);
    assert.ok(appSettings.includes('WRITEBACK'), 'the write-back switch follows the Bicep parameter');
  });

  it('main.parameters.json sets only declared parameters, every required one, from variables env/.env.dev defines', () => {
    const parameters = JSON.parse(readFileSync(join(INFRA, 'main.parameters.json'), 'utf8')) as { parameters: Record<string, { value: unknown }> };
    for (const name of Object.keys(parameters.parameters)) assert.ok(main.params.has(name), `main.parameters.json sets unknown parameter ${name}`);
    for (const [name, p] of main.params) if (!p.hasDefault) assert.ok(name in parameters.parameters, `required parameter ${name} is not set`);
    for (const [, ref] of JSON.stringify(parameters).matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)) {
      assert.ok(ref!.startsWith('SECRET_') || ref! in DEV_ENV, `main.parameters.json uses \${{${ref}}}, which env/.env.dev does not define`);
    }
    assert.equal(DEV_ENV.WRITEBACK, 'off', 'Azure starts with write-back off');
  });
});

describe('m365agents.yml: the Agents Toolkit lifecycle', () => {
  const yml = readFileSync(join(ROOT, 'm365agents.yml'), 'utf8');
  const stage = (name: string) => {
    const m = new RegExp(`^${name}:\\n([\\s\\S]*?)(?=^\\w|$(?![\\s\\S]))`, 'm').exec(yml);
    return m?.[1] ?? '';
  };
  const actions = (name: string) => [...stage(name).matchAll(/^ {2}- uses: (\S+)/gm)].map((m) => m[1]);

  it('provisions, deploys and publishes with the documented actions', () => {
    assert.match(yml, /^version: v1\.\d+$/m);
    assert.match(yml, /^environmentFolderPath: \.\/env$/m);
    assert.deepEqual(actions('provision'), ['teamsApp/create', 'arm/deploy', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update']);
    assert.deepEqual(actions('deploy'), ['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    assert.deepEqual(actions('publish'), ['teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update', 'teamsApp/publishAppPackage']);
  });

  it('points at files that exist and fills placeholders the environment or the templates provide', () => {
    for (const [, path] of yml.matchAll(/(?:path|parameters|manifestPath|ignoreFile): (\.\/\S+)/g)) assert.ok(existsSync(join(ROOT, path!)), `${path} does not exist`);
    const written = new Set([...yml.matchAll(/^\s+\w+: ([A-Z][A-Z0-9_]+)$/gm)].map((m) => m[1]!));
    for (const [, ref] of yml.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)) {
      assert.ok(ref! in DEV_ENV || written.has(ref!) || main.outputs.includes(ref!), `\${{${ref}}} is neither in env/.env.dev, written by an earlier action, nor a Bicep output`);
    }
    assert.ok(main.outputs.includes('AZURE_APP_SERVICE_RESOURCE_ID') && main.outputs.includes('BOT_ID'), 'zipDeploy and the manifest get their ids from the Bicep outputs');
    for (const out of main.outputs) assert.match(out, /^[A-Z][A-Z0-9_]+$/, `output ${out} is written to env/.env.<env> as is: UPPER_SNAKE_CASE`);
  });
});
