/**
 * Kusto string predicates as regular expressions. `has` matches whole terms: Kusto indexes maximal runs of
 * alphanumeric characters, so a needle edge that is alphanumeric must sit on a term boundary.
 */

export type TermMode = 'has' | 'hasprefix' | 'hassuffix' | 'contains' | 'startswith' | 'endswith' | 'regex';

const ALNUM = /[\p{L}\p{N}]/u;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function termRegex(needle: string, mode: TermMode, caseSensitive: boolean): RegExp {
  const flags = caseSensitive ? 'u' : 'iu';
  if (mode === 'regex') return new RegExp(needle, 'u');
  const e = escape(needle);
  const before = ALNUM.test(needle.charAt(0)) ? '(?<![\\p{L}\\p{N}])' : '';
  const after = ALNUM.test(needle.charAt(needle.length - 1)) ? '(?![\\p{L}\\p{N}])' : '';
  switch (mode) {
    case 'has':
      return new RegExp(`${before}${e}${after}`, flags);
    case 'hasprefix':
      return new RegExp(`${before}${e}`, flags);
    case 'hassuffix':
      return new RegExp(`${e}${after}`, flags);
    case 'contains':
      return new RegExp(e, flags);
    case 'startswith':
      return new RegExp(`^${e}`, flags);
    default:
      return new RegExp(`${e}$`, flags);
  }
}
