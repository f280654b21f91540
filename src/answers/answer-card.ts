/** One renderer for every catalog answer: the shared envelope plus the view's rows and extras. */
import { formatUtc } from '../cards/format';
import { renderCard, type AdaptiveCard } from '../cards/render';
import type { CatalogIntent, Slots } from '../domain/intents';
import type { CatalogAnswer } from '../queries';
import { formatRow, rowObjects } from './columns';
import { defuse } from './format';
import type { PortalLink } from './portal';
import { slotSummary } from './slot-summary';
import { VIEWS } from './views';

export interface AnswerCardInput {
  answer: CatalogAnswer;
  /** 0-based page; clamped to the pages the result has (rows change between clicks). */
  page: number;
  ranAt: Date;
  /** Where the rows came from, e.g. "Resource Graph · simulated Contoso Bank tenant". */
  sourceLabel: string;
  portal?: PortalLink;
  /** Said on the card, e.g. slots this query cannot filter by. */
  notes?: string[];
  /** One short line on where rows beyond the query's come from (my_queue: the bot's decision store). */
  sourceNote?: string;
}

/** What a "Show more" / follow-up button carries: never `user`, which always comes from the clicking user. */
export function buttonSlots(slots: Slots): Slots {
  const rest = { ...slots };
  delete rest.user;
  return rest;
}

export function pageCount(intent: CatalogIntent, rowCount: number): number {
  const size = VIEWS[intent].pageSize;
  return size === 0 ? 1 : Math.max(1, Math.ceil(rowCount / size));
}

/** The template data for cards/answer-<id>.json (exported for tests and the sample files). */
export function answerCardData(input: AnswerCardInput): Record<string, unknown> {
  const { answer } = input;
  const intent = answer.query.id;
  const view = VIEWS[intent];
  const all = rowObjects(answer.result.columns, answer.result.rows);
  const total = all.length;
  const page = Math.min(Math.max(0, Math.trunc(input.page)), pageCount(intent, total) - 1);
  const start = view.pageSize === 0 ? 0 : page * view.pageSize;
  const end = view.pageSize === 0 ? total : Math.min(total, start + view.pageSize);
  const noun = total === 1 ? view.noun[0] : view.noun[1];
  const countText = total === 0 ? `No ${view.noun[1]}` : end - start < total ? `Showing ${start + 1}–${end} of ${total} ${noun}` : `${total} ${noun}`;
  const notes = [...(input.notes ?? [])];
  if (answer.result.partial) notes.push(`Partial results: ${answer.result.partial.reason}`);
  return {
    title: answer.query.title,
    summary: defuse(slotSummary(answer.slots)) || 'All AI resources',
    countText,
    rowCount: total,
    freshness: `Data as of ${formatUtc(input.ranAt)} · ${input.sourceLabel}`,
    note: notes.join(' '),
    sourceNote: input.sourceNote ?? '',
    empty: total === 0,
    emptyText: view.emptyText,
    rows: all.slice(start, end).map((r) => formatRow(answer.result.columns, r)),
    kql: defuse(answer.text),
    hasPortal: input.portal !== undefined,
    portalTitle: input.portal?.title ?? '',
    portalUrl: input.portal?.url ?? '',
    hasMore: end < total,
    more: { intent, slots: buttonSlots(answer.slots), page: page + 1 },
    followUps: view.followUps(answer.slots).map((q) => ({ title: q, question: q })),
    ...(view.extras && total > 0 ? view.extras(all) : {}),
  };
}

/** Teams refuses messages over ~28 KB; the card stays under this, leaving room for the activity around it. */
export const MAX_CARD_BYTES = 25 * 1024;
const SHORT_CELL = 80;
const SHORT_KQL = 3000;

const bytes = (card: AdaptiveCard) => Buffer.byteLength(JSON.stringify(card));
const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Renders the answer. Paging keeps most cards far below the limit; unusually long values are shortened
 * (cells first, then the KQL shown on the card; the portal link still runs the full query).
 */
export function answerCard(input: AnswerCardInput): AdaptiveCard {
  const data = answerCardData(input);
  let card = renderCard(input.answer.query.card, data);
  if (bytes(card) <= MAX_CARD_BYTES) return card;
  const rows = (data.rows as Record<string, string>[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, shorten(v, SHORT_CELL)])));
  card = renderCard(input.answer.query.card, { ...data, rows });
  if (bytes(card) <= MAX_CARD_BYTES) return card;
  const kql = `${shorten(data.kql as string, SHORT_KQL)}\n// (shortened for Teams: "Open in portal" runs the full query)`;
  card = renderCard(input.answer.query.card, { ...data, rows, kql });
  if (bytes(card) <= MAX_CARD_BYTES) return card;
  return renderCard(input.answer.query.card, { ...data, rows, kql, hasPortal: false, note: `${data.note} The portal link was too long for Teams.`.trim() });
}
