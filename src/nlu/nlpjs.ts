/**
 * NLP.js, loaded piece by piece from @nlpjs/basic's own dependencies.
 *
 * Why not `require('@nlpjs/basic')`: its index also loads @nlpjs/logger, whose pino 7 logger is created with the
 * deprecated `prettyPrint` option and prints a PINODEP008 warning in every process. The classifier needs only
 * the container, the Nlp class and the English language pack, which never touch that logger. Resolving them
 * from basic's location (createRequire) uses exactly the versions basic was installed with.
 */
import { createRequire } from 'node:module';

const fromBasic = createRequire(require.resolve('@nlpjs/basic'));

/** The part of an NLP.js container we use. */
export interface NlpContainer {
  use(plugin: unknown): void;
  register(name: string, instance: unknown, isSingleton?: boolean): void;
  get(name: string): unknown;
}

export interface NlpClassification {
  intent: string;
  score: number;
}

/** The part of the Nlp class we use. */
export interface NlpEngine {
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, utterance: string): Promise<{ classifications: NlpClassification[] }>;
}

export interface DateEdge {
  entity: string;
  sourceText: string;
  resolution?: { type?: string; timex?: string; start?: string; end?: string | null; date?: string; pastStartDate?: string };
}

export interface BuiltinExtractor {
  extract(input: { text: string; locale: string }): { edges: DateEdge[] };
}

type Ctor<T> = new (settings: Record<string, unknown>, container?: NlpContainer) => T;

const core = fromBasic('@nlpjs/core-loader') as { containerBootstrap: () => NlpContainer };
const nlp = fromBasic('@nlpjs/nlp') as { Nlp: Ctor<NlpEngine> };
const langEn = fromBasic('@nlpjs/lang-en') as { LangEn: unknown };
// builtin-microsoft is a direct dependency of the project.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const builtin = require('@nlpjs/builtin-microsoft') as { BuiltinMicrosoft: Ctor<BuiltinExtractor> };

export const containerBootstrap = core.containerBootstrap;
export const Nlp = nlp.Nlp;
export const LangEn = langEn.LangEn;
export const BuiltinMicrosoft = builtin.BuiltinMicrosoft;
