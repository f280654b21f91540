/** Every Action.Execute verb a card can carry; handlers register against these names only. */
export const VERBS = {
  /** Run an example question as if the user had typed it. */
  ask: 'ask',
  /** "Did you mean…" button: run one intent with the slots understood; data { intent, slots }. */
  run_intent: 'run_intent',
  /** "Show more" on an answer: re-run and show the next page; data { intent, slots, page }. */
  answer_page: 'answer_page',
  /** Triage verbs on finding cards; card data carries only { findingKey, version }. */
  claim: 'claim',
  reassign: 'reassign',
  accept_risk: 'accept_risk',
  compensating_control: 'compensating_control',
  snooze: 'snooze',
  resolve: 'resolve',
  dismiss: 'dismiss',
  reopen: 'reopen',
  comment: 'comment',
  approve: 'approve',
  reject: 'reject',
  /** Universal Actions refresh of a finding card (Teams fires it automatically; the Playground never does). */
  refresh: 'refresh',
} as const;

/** The triage verbs (every finding-card button except refresh). */
export const TRIAGE_VERBS = [
  VERBS.claim,
  VERBS.reassign,
  VERBS.accept_risk,
  VERBS.compensating_control,
  VERBS.snooze,
  VERBS.resolve,
  VERBS.dismiss,
  VERBS.reopen,
  VERBS.comment,
  VERBS.approve,
  VERBS.reject,
] as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];
