import { writeFileSync } from 'node:fs';
import { loadConfig } from '../config';
import { PACKAGE_ROOT } from '../paths';
import { openDatabase } from '../store/database';
import { DecisionRegister, type StoredEntry } from '../store/register';
import { anchorRegister, verifyRegister } from './audit-chain';
import { toCsv } from './csv';

const USAGE = `Usage: ai-posture-bot audit <verify | anchor | export> [options]

  verify                                   Check the decision register's hash chain and hold it against every
                                           anchor; exits 1 and names every bad row and every contradicted anchor.
  anchor                                   Append the register's head to the anchor store (REGISTER_ANCHOR_*;
                                           the bot also does this every REGISTER_ANCHOR_MINUTES).
  export --from <date> --to <date> --format csv [--out <file>]
                                           Write the register entries made from --from up to and including
                                           --to (YYYY-MM-DD, UTC) as CSV, to stdout or --out.
`;

const COLUMNS = ['seq', 'at', 'tenant_id', 'finding_key', 'zone', 'verb', 'actor_id', 'actor_name', 'role', 'justification', 'before', 'after', 'prev_hash', 'hash'] as const;

/** A leading =, +, - or @ is prefixed with ' so spreadsheets do not run the field as a formula. */
function noFormula(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

function registerCsv(entries: readonly StoredEntry[]): string {
  const rows = entries.map((e) => [e.seq, e.at, e.tenantId, e.findingKey, e.zone, e.verb, e.actorId, e.actorName, e.role, e.justification, e.before, e.after, e.prevHash, e.hash].map(noFormula));
  return toCsv(COLUMNS, rows);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `ai-posture-bot audit …`: sets process.exitCode (0 ok, 1 register broken or not anchored, 2 usage). */
export async function auditCommand(args: string[]): Promise<void> {
  const [sub] = args;
  if (sub !== 'verify' && sub !== 'anchor' && sub !== 'export') {
    process.stderr.write(USAGE);
    process.exitCode = sub === undefined || sub === '--help' ? 0 : 2;
    return;
  }
  let range: { from: string; to: string } | undefined;
  if (sub === 'export') {
    const [from, to, format] = [option(args, 'from'), option(args, 'to'), option(args, 'format') ?? 'csv'];
    if (!from || !to || !DAY.test(from) || !DAY.test(to) || format !== 'csv') {
      process.stderr.write(`audit export needs --from and --to as YYYY-MM-DD and --format csv.\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    range = { from: `${from}T00:00:00.000Z`, to: new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000).toISOString() };
  }
  const config = loadConfig(PACKAGE_ROOT);
  const db = await openDatabase(config.store);
  try {
    if (sub === 'verify' || sub === 'anchor') {
      process.exitCode = await (sub === 'verify' ? verifyRegister : anchorRegister)(config, db);
      return;
    }
    const register = new DecisionRegister(db);
    const csv = registerCsv(await register.list(range));
    const out = option(args, 'out');
    if (out) writeFileSync(out, csv);
    else process.stdout.write(csv);
  } finally {
    await db.destroy();
  }
}
