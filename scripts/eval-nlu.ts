/**
 * Evaluates the recognizer on the held-out set (test/nlu/heldout.jsonl): intent accuracy, slot exact-match,
 * out-of-scope precision and recall, the misses, and timings. Exits 1 below the quality bars.
 * Run: npx tsx scripts/eval-nlu.ts
 */
import { isDeepStrictEqual } from 'node:util';
import { Recognizer } from '../src/nlu';
import { loadHeldOut } from '../test/nlu/heldout';
import { TEST_NOW, TEST_RESOURCE_NAMES } from '../test/nlu/inventory';

const BARS = { intentAccuracy: 0.95, slotExactMatch: 0.9, outOfScopePrecision: 0.95 };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const print = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const examples = loadHeldOut();

  const t0 = performance.now();
  const recognizer = await Recognizer.create({ resourceNames: TEST_RESOURCE_NAMES, now: () => TEST_NOW });
  const createMs = performance.now() - t0;

  const misses: string[] = [];
  const times: number[] = [];
  let intentOk = 0;
  let slotOk = 0;
  let lowConfidenceRight = 0;
  let lowConfidenceWrong = 0;
  let predictedNone = 0;
  let trueNone = 0;
  let bothNone = 0;
  for (const ex of examples) {
    const start = performance.now();
    const u = await recognizer.understand(ex.text);
    times.push(performance.now() - start);
    if (u.intent === 'none') predictedNone += 1;
    if (ex.intent === 'none') trueNone += 1;
    if (u.intent === 'none' && ex.intent === 'none') bothNone += 1;
    if (u.intent !== ex.intent) {
      if (u.lowConfidence) lowConfidenceWrong += 1;
      const alts = u.alternatives.map((a) => `${a.intent} ${a.confidence.toFixed(2)}`).join(', ');
      misses.push(`intent  ${ex.intent} → ${u.intent}  [${alts}]  "${ex.text}"`);
      continue;
    }
    intentOk += 1;
    if (u.lowConfidence) lowConfidenceRight += 1;
    if (isDeepStrictEqual(u.slots, ex.slots)) slotOk += 1;
    else misses.push(`slots   ${ex.intent}  expected ${JSON.stringify(ex.slots)} got ${JSON.stringify(u.slots)}  "${ex.text}"`);
  }

  times.sort((a, b) => a - b);
  const result = {
    examples: examples.length,
    intentAccuracy: intentOk / examples.length,
    slotExactMatch: intentOk ? slotOk / intentOk : 0,
    outOfScopePrecision: predictedNone ? bothNone / predictedNone : 1,
    outOfScopeRecall: trueNone ? bothNone / trueNone : 1,
  };
  print(`held-out examples        ${result.examples} (${trueNone} out of scope)`);
  print(`intent accuracy          ${pct(result.intentAccuracy)}  (${intentOk}/${examples.length}, bar ${pct(BARS.intentAccuracy)})`);
  print(`slot exact-match         ${pct(result.slotExactMatch)}  (${slotOk}/${intentOk} with the right intent, bar ${pct(BARS.slotExactMatch)})`);
  print(`out-of-scope precision   ${pct(result.outOfScopePrecision)}  (${bothNone}/${predictedNone}, bar ${pct(BARS.outOfScopePrecision)})`);
  print(`out-of-scope recall      ${pct(result.outOfScopeRecall)}  (${bothNone}/${trueNone})`);
  print(`low confidence flagged   ${lowConfidenceWrong}/${examples.length - intentOk} wrong answers, ${lowConfidenceRight}/${intentOk} right answers`);
  print(`start-up (train+warm-up) ${createMs.toFixed(0)} ms`);
  print(`understand               p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
  print(misses.length ? `\nmisses (${misses.length}):\n  ${misses.join('\n  ')}` : '\nno misses');

  const failed = (Object.keys(BARS) as (keyof typeof BARS)[]).filter((k) => result[k] < BARS[k]);
  if (failed.length) print(`\nFAIL: below the bar: ${failed.join(', ')}`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
