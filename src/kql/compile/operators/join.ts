/**
 * join (innerunique default, inner, leftouter, rightouter, fullouter, leftsemi, leftanti, rightsemi, rightanti)
 * and lookup (leftouter default, inner). Right rows are hashed by key; null keys never match.
 * Output columns are positional against the parser's result type (it renames duplicates: A → A1).
 */
import { columnsOf, elems, kindOf, prop, req, simpleName, type SNode } from '../../syntax';
import type { KqlColumn, Row } from '../../types';
import { compositeKey, keyPart } from '../../values';
import type { Ctx } from '../context';
import { collect, compileTabular, type CompiledTable } from '../tabular';
import { onlyParameters, parameters } from './params';
import { rowCombiner } from './shape';

const JOIN_KINDS = ['innerunique', 'inner', 'leftouter', 'rightouter', 'fullouter', 'leftsemi', 'leftanti', 'anti', 'leftantisemi', 'rightsemi', 'rightanti', 'rightantisemi'];

interface Keys {
  left: string[];
  right: string[];
}

export function compileJoin(op: SNode, input: CompiledTable, ctx: Ctx, lookup: boolean): CompiledTable {
  const params = parameters(op, ctx);
  onlyParameters(op, params, ['kind'], ctx, lookup ? 'lookup' : 'join');
  let kind = (params.get('kind') ?? (lookup ? 'leftouter' : 'innerunique')).toLowerCase();
  if (kind === 'anti' || kind === 'leftantisemi') kind = 'leftanti';
  if (kind === 'rightantisemi') kind = 'rightanti';
  if (!JOIN_KINDS.includes(kind) || (lookup && kind !== 'leftouter' && kind !== 'inner')) throw ctx.unsupported(op, `${lookup ? 'lookup' : 'join'} kind=${kind}`);
  const right = compileTabular(req(op, 'Expression'), ctx);
  const clause = req(op, lookup ? 'LookupClause' : 'ConditionClause');
  if (kindOf(clause) !== 'JoinOnClause') throw ctx.unsupported(clause, 'join where clause');
  const keys = joinKeys(clause, ctx);
  const columns = columnsOf(op);

  const leftNames = input.columns.map((c) => c.name);
  let rightNames = right.columns.map((c) => c.name);
  if (lookup) rightNames = rightNames.filter((n) => !keys.right.includes(n));
  const keepLeft = kind !== 'rightsemi' && kind !== 'rightanti';
  const keepRight = kind !== 'leftsemi' && kind !== 'leftanti';
  const expected = (keepLeft ? leftNames.length : 0) + (keepRight ? rightNames.length : 0);
  if (expected !== columns.length) throw ctx.unsupported(op, 'join whose output columns the engine cannot map');
  const outNames = columns.map((c) => c.name);
  const leftOut = keepLeft ? outNames.slice(0, leftNames.length) : [];
  const rightOut = keepRight ? outNames.slice(leftOut.length) : [];
  const combine = rowCombiner(leftOut, leftNames, rightOut, rightNames);
  const leftKey = keyFn(keys.left, input.columns);
  const rightKey = keyFn(keys.right, right.columns);
  const leftSource = input.each;
  const rightSource = right.each;

  return {
    columns,
    each: (sink) => {
      // The right side is hashed; the left side streams through.
      const rightRows = collect(rightSource);
      if (kind === 'rightsemi' || kind === 'rightanti') {
        const leftKeys = new Set<unknown>();
        leftSource((l) => {
          const k = leftKey(l);
          if (k !== null) leftKeys.add(k);
        });
        for (const r of rightRows) {
          const k = rightKey(r);
          if ((k !== null && leftKeys.has(k)) === (kind === 'rightsemi')) sink(combine(null, r));
        }
        return;
      }
      const index = new Map<unknown, Row[]>();
      for (const r of rightRows) {
        const k = rightKey(r);
        if (k === null) continue;
        const bucket = index.get(k);
        if (bucket) bucket.push(r);
        else index.set(k, [r]);
      }
      const seenLeft = kind === 'innerunique' ? new Set<unknown>() : null;
      const matchedRight = kind === 'rightouter' || kind === 'fullouter' ? new Set<Row>() : null;
      const outer = kind === 'leftouter' || kind === 'fullouter';
      leftSource((l) => {
        const k = leftKey(l);
        if (seenLeft && k !== null) {
          // innerunique: only the first left row of each key joins.
          if (seenLeft.has(k)) return;
          seenLeft.add(k);
        }
        const bucket = k === null ? undefined : index.get(k);
        if (kind === 'leftsemi') {
          if (bucket) sink(combine(l, null));
        } else if (kind === 'leftanti') {
          if (!bucket) sink(combine(l, null));
        } else if (bucket) {
          for (let i = 0; i < bucket.length; i++) {
            sink(combine(l, bucket[i]!));
            matchedRight?.add(bucket[i]!);
          }
        } else if (outer) sink(combine(l, null));
      });
      if (matchedRight) for (const r of rightRows) if (!matchedRight.has(r)) sink(combine(null, r));
    },
  };
}

/** `on A, B` and `on $left.A == $right.B` (either order), combined with commas or `and`. */
function joinKeys(clause: SNode, ctx: Ctx): Keys {
  const keys: Keys = { left: [], right: [] };
  const visit = (e: SNode): void => {
    const kind = kindOf(e);
    if (kind === 'NameReference') {
      keys.left.push(simpleName(e));
      keys.right.push(simpleName(e));
    } else if (kind === 'AndExpression') {
      visit(req(e, 'Left'));
      visit(req(e, 'Right'));
    } else if (kind === 'EqualExpression') {
      const a = side(req(e, 'Left'), ctx);
      const b = side(req(e, 'Right'), ctx);
      if (a.side === b.side) throw ctx.unsupported(e, 'join condition comparing one side with itself');
      const [l, r] = a.side === 'left' ? [a, b] : [b, a];
      keys.left.push(l.name);
      keys.right.push(r.name);
    } else if (kind === 'ParenthesizedExpression') visit(req(e, 'Expression'));
    else throw ctx.unsupported(e, 'join condition other than equality of columns');
  };
  for (const e of elems(clause, 'Expressions')) visit(e);
  return keys;
}

function side(e: SNode, ctx: Ctx): { side: 'left' | 'right'; name: string } {
  if (kindOf(e) === 'PathExpression') {
    const target = ctx.text(req(e, 'Expression')).trim().toLowerCase();
    if (target === '$left' || target === '$right') return { side: target === '$left' ? 'left' : 'right', name: simpleName(prop(e, 'Selector')!) };
  }
  throw ctx.unsupported(e, 'join key other than $left.Column or $right.Column');
}

/** Key of a row for hashing, or null when any part is null (null keys never match). Strings: missing = "". */
function keyFn(names: string[], columns: KqlColumn[]): (r: Row) => unknown {
  const strings = names.map((n) => columns.find((c) => c.name === n)?.type === 'string');
  if (names.length === 1) {
    const name = names[0]!;
    const str = strings[0]!;
    return (r) => {
      const v = r[name];
      if (v == null) return str ? '' : null;
      return keyPart(v);
    };
  }
  const values = new Array<unknown>(names.length);
  return (r) => {
    for (let i = 0; i < names.length; i++) {
      const v = r[names[i]!];
      if (v == null && !strings[i]) return null;
      values[i] = v == null ? '' : v;
    }
    return compositeKey(values);
  };
}
