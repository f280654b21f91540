import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package's root folder (where package.json is), from the sources or from the compiled dist/ alike. */
function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = findPackageRoot(__dirname);
