/**
 * `npm run bench`: runs the benchmark scripts in sequence (each writes its own section of docs/benchmarks.md),
 * skipping any whose npm script does not exist yet. Exits non-zero if any of them failed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const BENCHES = ['bench:kql', 'bench:turns', 'bench:notify'];

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
const print = (line: string) => process.stdout.write(`${line}\n`);

const failed: string[] = [];
for (const name of BENCHES) {
  if (!pkg.scripts?.[name]) {
    print(`-- ${name}: no such npm script yet, skipped`);
    continue;
  }
  print(`-- npm run ${name}`);
  const r = spawnSync('npm', ['run', '--silent', name], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) failed.push(`${name} (${r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit ${r.status}`})`);
}
if (failed.length > 0) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
