/** `npm run build` step: the catalog's .kql files sit beside their loader, so ship them into dist/ too. */
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const queries = join(root, 'src', 'queries');
if (existsSync(queries)) {
  for (const f of readdirSync(queries).filter((f) => f.endsWith('.kql'))) cpSync(join(queries, f), join(root, 'dist', 'src', 'queries', f));
}
