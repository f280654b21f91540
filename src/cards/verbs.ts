/** Every Action.Execute verb a card can carry; handlers register against these names only. */
export const VERBS = {
  /** Run an example question as if the user had typed it. */
  ask: 'ask',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];
