import type { Config } from '../config';
import { createAnchorStore } from '../data/anchors';
import { systemClock } from '../domain/ports';
import type { Db } from '../store/database';
import { DecisionRegister } from '../store/register';
import { RegisterAnchoring } from '../triage/anchoring';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function anchoringFor(config: Config, db: Db): RegisterAnchoring {
  return new RegisterAnchoring({ register: new DecisionRegister(db), store: createAnchorStore(config), clock: systemClock });
}

function warn(warnings: readonly string[]): void {
  for (const w of warnings) process.stderr.write(`Warning: ${w}\n`);
}

/** `audit verify`: the chain and every anchor; 0 intact, 1 broken. */
export async function verifyRegister(config: Config, db: Db): Promise<number> {
  const anchoring = anchoringFor(config, db);
  const result = await anchoring.verify();
  warn(result.warnings);
  if (!result.ok) {
    process.stderr.write(`Decision register BROKEN: ${plural(result.problems.length, 'problem')} (${result.rows} rows read):\n${result.problems.map((p) => `  - ${p.message}\n`).join('')}`);
    return 1;
  }
  const anchors =
    result.anchors > 0
      ? `consistent with ${plural(result.anchors, 'anchor')} in ${anchoring.location}`
      : `no anchors yet in ${anchoring.location} (run "audit anchor"): the chain alone cannot reveal a table rewritten with valid hashes`;
  process.stdout.write(`Decision register intact: ${plural(result.rows, 'row')}, head ${result.head}; ${anchors}\n`);
  return 0;
}

/** `audit anchor`: appends the current head to the anchor store; 1 when the register contradicts its last anchor. */
export async function anchorRegister(config: Config, db: Db): Promise<number> {
  const anchoring = anchoringFor(config, db);
  const outcome = await anchoring.anchor();
  warn(outcome.warnings);
  switch (outcome.status) {
    case 'anchored':
      process.stdout.write(`Anchored row ${outcome.anchor.seq} (hash ${outcome.anchor.hash}) in ${anchoring.location} as ${outcome.anchor.id}\n`);
      return 0;
    case 'unchanged':
      process.stdout.write(`Nothing new to anchor: row ${outcome.anchor.seq} is already anchored in ${anchoring.location} as ${outcome.anchor.id}\n`);
      return 0;
    case 'empty':
      process.stdout.write('Nothing to anchor: the decision register is empty.\n');
      return 0;
    case 'refused':
      process.stderr.write(
        `Not anchored: the register does not fit its last anchor in ${anchoring.location}:\n${outcome.result.problems.map((p) => `  - ${p.message}\n`).join('')}Run "audit verify" for the whole picture.\n`,
      );
      return 1;
  }
}
