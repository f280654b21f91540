import type { AskContext, Understanding } from '../nlu';

/** Question → intent + slots: the NLP.js `Recognizer`, or the optional LLM planner in front of it. */
export interface Understander {
  understand(text: string, context?: AskContext): Promise<Understanding>;
}
