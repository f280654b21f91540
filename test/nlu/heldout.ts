/** Loads the held-out set shared by the tests and scripts/eval-nlu.ts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Intent, Slots } from '../../src/domain/intents';

export interface HeldOutExample {
  text: string;
  intent: Intent;
  slots: Slots;
}

export const HELDOUT_FILE = join(__dirname, 'heldout.jsonl');

export function loadHeldOut(file = HELDOUT_FILE): HeldOutExample[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as HeldOutExample);
}
