/** Builds and trains the NLP.js intent classifier from the corpus. Deterministic: NLP.js uses no randomness. */
import type { Intent } from '../domain/intents';
import { CORPUS } from './corpus';
import { containerBootstrap, LangEn, Nlp, type NlpEngine } from './nlpjs';
import { prepareUtterance } from './prepare';

export async function trainClassifier(corpus: Readonly<Record<Intent, readonly string[]>> = CORPUS): Promise<NlpEngine> {
  const container = containerBootstrap();
  container.use(LangEn);
  const nlp = new Nlp(
    {
      languages: ['en'],
      autoLoad: false,
      autoSave: false,
      calculateSentiment: false,
      // spellCheck maps an unknown word to a known one at edit distance 1 ("atack" → "attack").
      nlu: { log: false, spellCheck: true },
    },
    container,
  );
  for (const [intent, utterances] of Object.entries(corpus)) {
    for (const utterance of utterances) nlp.addDocument('en', prepareUtterance(utterance), intent);
  }
  await nlp.train();
  return nlp;
}
