import { GENESIS_HASH } from './register';

/**
 * Checking the decision register: the chain itself (every row's hash matches its content and names the row
 * before it, no gaps, the head row agrees) and the anchors kept outside the database (each anchor's row still
 * has the hash it had when the anchor was written). A table rewritten with valid hashes passes the first part
 * and fails the second. Every bad row is reported; runs of neighbouring rows with the same fault are grouped.
 */

/** The head of the chain at some moment, as written to the anchor store. */
export interface RegisterAnchor {
  seq: number;
  hash: string;
  /** When the anchor was written (the store's own timestamp where it has one). */
  at: string;
}

export interface StoredAnchor extends RegisterAnchor {
  /** Names the anchor in messages: a blob name, or a line of the anchor file. */
  id: string;
}

/** One row as read from the store, with its hash recomputed from the stored fields. */
export interface CheckedRow {
  seq: number;
  prevHash: string;
  hash: string;
  computedHash: string;
}

export type ProblemKind = 'missing' | 'modified' | 'unlinked' | 'head' | 'anchor' | 'anchor_store';

export interface RegisterProblem {
  kind: ProblemKind;
  /** First and last row concerned (equal for one row; the head and anchor-store problems use the row count). */
  from: number;
  to: number;
  message: string;
}

export interface CheckResult {
  ok: boolean;
  /** Rows read. */
  rows: number;
  /** Seq and hash of the last row read (0 and the genesis hash for an empty register). */
  headSeq: number;
  head: string;
  /** Anchors the register was checked against. */
  anchors: number;
  problems: RegisterProblem[];
}

interface Finding {
  kind: ProblemKind;
  seq: number;
  /** Last row of a range (missing, modified and unlinked rows are merged as they are found). */
  to?: number;
  anchor?: StoredAnchor;
  /** The anchor's place among all anchors (neighbouring anchors with the same fault are reported together). */
  anchorIndex?: number;
  text?: string;
}

const range = (from: number, to: number) => (from === to ? `row ${from}` : `rows ${from}–${to}`);
const short = (hash: string) => `${hash.slice(0, 16)}…`;

export interface ChainCheckOptions {
  /** Anchors to hold the rows against (any order). */
  anchors?: readonly StoredAnchor[];
  /** Where the anchors are kept, for messages ("Azure Blob container …", "append-only file …"). */
  anchorLocation?: string;
  /** Problems found while reading the anchor store (unreadable entries). */
  anchorStoreProblems?: readonly string[];
  /** Check from this row on (the first row's link to the one before is not checked): anchoring a new head. */
  fromSeq?: number;
}

/** Fed the rows in order of seq, then the head row; reports what does not fit. */
export class ChainCheck {
  private expected: number;
  private prev: string;
  private lastSeq: number;
  private rows = 0;
  private linkKnown: boolean;
  private readonly found: Finding[] = [];
  /** The latest modified / unlinked range, which the next bad row extends when it is its neighbour. */
  private readonly open = new Map<ProblemKind, Finding>();
  private readonly bySeq = new Map<number, StoredAnchor[]>();
  private readonly anchors: StoredAnchor[];

  constructor(private readonly options: ChainCheckOptions = {}) {
    const from = options.fromSeq ?? 1;
    this.expected = from;
    this.lastSeq = from - 1;
    this.prev = GENESIS_HASH;
    this.linkKnown = from <= 1;
    this.anchors = [...(options.anchors ?? [])].sort((a, b) => a.seq - b.seq || a.at.localeCompare(b.at));
    for (const a of this.anchors) this.bySeq.set(a.seq, [...(this.bySeq.get(a.seq) ?? []), a]);
    for (const text of options.anchorStoreProblems ?? []) this.found.push({ kind: 'anchor_store', seq: 0, text });
  }

  row(r: CheckedRow): void {
    this.rows++;
    if (r.seq > this.expected) {
      this.found.push({ kind: 'missing', seq: this.expected, to: r.seq - 1 });
      for (let s = this.expected; s < r.seq; s++) for (const a of this.bySeq.get(s) ?? []) this.anchorFault(a, 'missing');
    } else if (this.linkKnown && r.prevHash !== this.prev) {
      this.badRow('unlinked', r.seq);
    }
    if (r.computedHash !== r.hash) this.badRow('modified', r.seq);
    for (const a of this.bySeq.get(r.seq) ?? []) if (a.hash !== r.hash) this.anchorFault(a, r.hash);
    this.prev = r.hash;
    this.lastSeq = r.seq;
    this.expected = r.seq + 1;
    this.linkKnown = true;
  }

  /**
   * `head`: the head row as read before the rows (seq and hash of the newest entry), undefined when missing.
   * `stray`: rows found beyond the head afterwards (rows the bot did not append: its appends move the head).
   */
  finish(head: { seq: number; hash: string } | undefined, stray?: { from: number; to: number }): CheckResult {
    const last = this.lastSeq;
    if (stray) {
      const verb = stray.from === stray.to ? 'lies' : 'lie';
      this.found.push({ kind: 'head', seq: stray.from, text: `${range(stray.from, stray.to)} ${verb} beyond the register head (row ${head?.seq}): inserted behind the bot's back, or the head was edited` });
    }
    if (!head) this.found.push({ kind: 'head', seq: last + 1, text: 'the register head row is missing' });
    else if (head.seq !== last || (this.rows > 0 && head.hash !== this.prev)) {
      this.found.push({
        kind: 'head',
        seq: last + 1,
        text:
          head.seq > last
            ? `the register ends at row ${last} but its head records row ${head.seq}: rows at the end were deleted or the head was edited`
            : `the register head records row ${head.seq} (hash ${short(head.hash)}) but the last row is ${last} (hash ${short(this.prev)}): the head was edited`,
      });
    }
    for (const a of this.anchors) if (a.seq > last) this.anchorFault(a, 'beyond');
    const problems = this.summarize();
    return { ok: problems.length === 0, rows: this.rows, headSeq: last, head: this.rows > 0 ? this.prev : GENESIS_HASH, anchors: this.anchors.length, problems };
  }

  private badRow(kind: 'modified' | 'unlinked', seq: number): void {
    const range = this.open.get(kind);
    if (range && range.to! + 1 === seq) {
      range.to = seq;
      return;
    }
    const started: Finding = { kind, seq, to: seq };
    this.open.set(kind, started);
    this.found.push(started);
  }

  /** `fault`: the row's hash, or "missing" (the row is in a gap), or "beyond" (the register ends before it). */
  private anchorFault(anchor: StoredAnchor, fault: string): void {
    this.found.push({ kind: 'anchor', seq: anchor.seq, anchor, anchorIndex: this.anchors.indexOf(anchor), text: fault });
  }

  private summarize(): RegisterProblem[] {
    const order: Record<ProblemKind, number> = { anchor_store: 0, missing: 1, unlinked: 2, modified: 3, anchor: 4, head: 5 };
    const sorted = [...this.found].sort((a, b) => a.seq - b.seq || order[a.kind] - order[b.kind]);
    const groups: Finding[][] = [];
    let anchors: Finding[] | undefined;
    for (const f of sorted) {
      if (f.kind === 'anchor' && anchors && follows(anchors.at(-1)!, f)) anchors.push(f);
      else groups.push(f.kind === 'anchor' ? (anchors = [f]) : [f]);
    }
    return groups.map((g) => this.describe(g));
  }

  private describe(g: Finding[]): RegisterProblem {
    const first = g[0]!;
    const [from, to] = [first.seq, first.to ?? g.at(-1)!.seq];
    const where = this.options.anchorLocation ? ` in ${this.options.anchorLocation}` : '';
    switch (first.kind) {
      case 'missing':
        return { kind: 'missing', from, to, message: `${range(from, to)} ${from === to ? 'is' : 'are'} missing (deleted); the next row is ${to + 1}` };
      case 'modified':
        return { kind: 'modified', from, to, message: `${range(from, to)} ${from === to ? 'was' : 'were'} modified (the content no longer matches the stored hash)` };
      case 'unlinked':
        return {
          kind: 'unlinked',
          from,
          to,
          message: `${range(from, to)} ${from === to ? `does not follow row ${from - 1}` : 'do not follow the rows before them'} (the previous hash differs: a row before was edited and re-hashed, inserted or deleted)`,
        };
      case 'anchor':
        return { kind: 'anchor', from, to, message: anchorMessage(g, where) };
      default:
        return { kind: first.kind, from, to, message: first.text! };
    }
  }
}

/** Faults of neighbouring anchors (in anchor order) are reported together when they are of one sort. */
function follows(prev: Finding, next: Finding): boolean {
  const sort = (f: Finding) => (f.text === 'missing' || f.text === 'beyond' ? 'gone' : 'differs');
  return prev.anchorIndex! + 1 === next.anchorIndex && sort(prev) === sort(next);
}

const when = (a: StoredAnchor) => `${a.id} (written ${a.at})`;

function anchorMessage(g: Finding[], where: string): string {
  const first = g[0]!;
  const a = first.anchor!;
  if (g.length === 1) {
    if (first.text === 'beyond') return `anchor ${when(a)}${where} records row ${a.seq}, but the register ends before it: rows were deleted after that anchor`;
    if (first.text === 'missing') return `anchor ${when(a)}${where} records row ${a.seq}, which is missing: rows were deleted after that anchor`;
    return `row ${a.seq} has hash ${short(first.text!)} but anchor ${when(a)}${where} recorded ${short(a.hash)}: the register was rewritten after that anchor`;
  }
  const z = g.at(-1)!.anchor!;
  const what = first.text === 'beyond' || first.text === 'missing' ? 'recorded rows that are gone: rows were deleted' : 'recorded other hashes: the register was rewritten';
  return `rows ${a.seq}–${z.seq} contradict ${g.length} anchors${where}, from ${when(a)} to ${when(z)}; they ${what} after those anchors`;
}
