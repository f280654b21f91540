/**
 * Calendar dates the regexes in ./time-range.ts do not cover ("since March 1", "since 11/02", "this quarter so
 * far"), through Microsoft Recognizers (@nlpjs/builtin-microsoft). It costs 2–35 ms a call (~200 ms the first),
 * so it runs only when a text has a calendar cue and no regex matched.
 */
import { BuiltinMicrosoft, containerBootstrap, type BuiltinExtractor, type DateEdge } from '../nlpjs';
import { daysSince } from './time-range';

const MONTHS = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const WEEKDAYS = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*';
// A date must follow the preposition: "from tor exit nodes" or "since when" are not calendar expressions.
export const CALENDAR_CUE = new RegExp(
  `\\b(?:since|from|after|starting(?: on| from)?)\\s+(?:the\\s+)?(?:\\d|${MONTHS}\\s|${WEEKDAYS}\\b|last|early|mid|late|beginning|start|end|yesterday)` +
    `|\\b${MONTHS}\\s+\\d|\\b\\d{1,2}/\\d{1,2}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`,
);

export class CalendarParser {
  private readonly extractor: BuiltinExtractor;

  constructor() {
    // Registered as NLP.js expects a builtin extractor to be ("extract-builtin-??"); only DateTime is asked for.
    const container = containerBootstrap();
    container.register('extract-builtin-??', new BuiltinMicrosoft({ builtins: ['DateTime'] }, container), true);
    this.extractor = container.get('extract-builtin-??') as BuiltinExtractor;
  }

  /** Loads the recognizer's grammars so the first question does not pay for it. */
  warmUp(): void {
    this.extractor.extract({ text: 'since March 1', locale: 'en' });
  }

  /** Days from the expression's (past) start to now, or undefined. */
  parse(text: string, now: Date): string | undefined {
    const lower = text.toLowerCase();
    if (!CALENDAR_CUE.test(lower)) return undefined;
    const { edges } = this.extractor.extract({ text: lower, locale: 'en' });
    for (const edge of edges) {
      const start = startOf(edge);
      if (start) return daysSince(start, now);
    }
    return undefined;
  }
}

/** "since Monday" resolves to both a past and a future start: the past one is meant. */
function startOf(edge: DateEdge): Date | undefined {
  if (!['date', 'daterange', 'datetime', 'datetimerange'].includes(edge.entity)) return undefined;
  const r = edge.resolution;
  const iso = r?.pastStartDate ?? r?.start ?? r?.date;
  const date = iso ? new Date(iso) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
