/**
 * A small, loosely typed view of Kusto.Language syntax nodes. The compiler reads each node's properties once
 * (Bridge property getters are slow), so these helpers favour clarity over speed.
 */
import { syntaxKindName } from './loader';

export type SNode = Kusto.Language.Syntax.SyntaxNode;

type Bag = Record<string, unknown>;

export function kindOf(n: SNode): string {
  return syntaxKindName(n.Kind);
}

/** A child node held in a named property (`FilterOperator.Condition`, `BinaryExpression.Left`, ...). */
export function prop(n: SNode, name: string): SNode | null {
  return ((n as unknown as Bag)[name] as SNode | null | undefined) ?? null;
}

export function req(n: SNode, name: string): SNode {
  const c = prop(n, name);
  if (!c) throw new Error(`${kindOf(n)}.${name} is missing`);
  return c;
}

/** Elements of a SyntaxList property, unwrapping SeparatedElement. */
export function elems(n: SNode | null, name: string): SNode[] {
  if (!n) return [];
  const list = (n as unknown as Bag)[name] as { Count: number; getItem(i: number): SNode } | null;
  return listItems(list);
}

export function listItems(list: { Count: number; getItem(i: number): SNode } | null | undefined): SNode[] {
  const out: SNode[] = [];
  if (!list) return out;
  for (let i = 0; i < list.Count; i++) {
    const item = list.getItem(i) as unknown as Bag;
    out.push(('Element' in item ? item.Element : item) as SNode);
  }
  return out;
}

/** Text of a token held in a property (e.g. `AscOrDescKeyword`), or '' when absent. */
export function tokenText(n: SNode | null, name: string): string {
  if (!n) return '';
  const t = (n as unknown as Bag)[name] as { Text: string | null } | null;
  return t?.Text ?? '';
}

/** Scalar type name (`long`, `datetime`, ...) of an analysed expression; '' for tables and unknowns. */
export function typeName(n: SNode): string {
  const t = (n as unknown as { ResultType: { Name: string | null; Columns?: unknown } | null }).ResultType;
  if (!t || t.Columns !== undefined) return '';
  return t.Name ?? '';
}

export function isTabular(n: SNode): boolean {
  const t = (n as unknown as { ResultType: { Columns?: unknown } | null }).ResultType;
  return !!t && t.Columns !== undefined && t.Columns !== null;
}

export interface SymbolView {
  kind: string;
  name: string;
  raw: object;
}

/** The symbol a node refers to (column, function, variable, table), with its Bridge class name. */
export function symbolOf(n: SNode): SymbolView | null {
  const s = n.ReferencedSymbol as unknown as ({ Name: string | null } & object) | null;
  if (!s) return null;
  const kind = (globalThis as unknown as { Bridge: { getTypeName(o: object): string } }).Bridge.getTypeName(s).replace(/^Kusto\.Language\.Symbols\./, '');
  return { kind, name: s.Name ?? '', raw: s };
}

export function startOf(n: SNode): number {
  return n.TextStart;
}

export function widthOf(n: SNode): number {
  return n.Width;
}

/** The identifier of a NameReference/NameDeclaration (brackets and quotes removed). */
export function simpleName(n: SNode): string {
  return (n as unknown as { SimpleName: string | null }).SimpleName ?? '';
}

/** Output columns of an analysed tabular node. */
export function columnsOf(n: SNode): Array<{ name: string; type: string }> {
  const cols = (n as unknown as { ResultType: { Columns?: { Count: number; getItem(i: number): { Name: string | null; Type: { Name: string | null } | null } } | null } | null }).ResultType?.Columns;
  const out: Array<{ name: string; type: string }> = [];
  if (!cols) return out;
  for (let i = 0; i < cols.Count; i++) {
    const c = cols.getItem(i);
    out.push({ name: c.Name ?? '', type: c.Type?.Name ?? 'dynamic' });
  }
  return out;
}
