/**
 * Well-formed text: what the bot accepts from people and what it stores. A JavaScript string may hold an
 * unpaired UTF-16 surrogate, which is not a character: UTF-8 cannot encode it, so SQLite and PostgreSQL store
 * U+FFFD instead and the text read back differs from the text written. PostgreSQL also refuses U+0000 in text.
 * Control characters (other than tab and line breaks) have no place in a justification or a name either.
 */

/** With the `u` flag, \p{Surrogate} matches only surrogates that are not part of a pair. */
const UNPAIRED_SURROGATE = /\p{Surrogate}/u;
const UNPAIRED_SURROGATES = /\p{Surrogate}/gu;
// eslint-disable-next-line no-control-regex -- these are exactly the characters being refused
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** Why a text typed by a person cannot be recorded as is, or undefined when it can. */
export function textProblem(text: string): string | undefined {
  if (UNPAIRED_SURROGATE.test(text)) return 'contains a broken character (an unpaired UTF-16 surrogate); retype or paste the text again';
  const control = CONTROL.exec(text);
  if (control) return `contains an invisible control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}); remove it`;
  return undefined;
}

/**
 * The well-formed form of a text that does not come from a form the user can correct (a display name from
 * Teams, a directory entry): each unpaired surrogate and control character becomes U+FFFD, visibly.
 */
export function wellFormed(text: string): string {
  return UNPAIRED_SURROGATE.test(text) || CONTROL.test(text) ? text.replace(UNPAIRED_SURROGATES, '\uFFFD').replace(CONTROLS, '\uFFFD') : text;
}
