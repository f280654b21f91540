/**
 * Parse + bind with the official Kusto.Language parser against the project's table schemas:
 * diagnostics with line/column, the inferred output columns and the lexical tokens.
 */
import type { TableSchema } from '../schemas/types';
import { diagnosticAt, type KqlDiagnostic } from './errors';
import { kusto, syntaxKindName } from './loader';
import type { KqlColumn } from './types';

export interface Analysis {
  query: string;
  /** Errors and warnings from the parser and binder. */
  diagnostics: KqlDiagnostic[];
  /** True when no diagnostic has severity Error. */
  ok: boolean;
  /** Output columns of the query's last statement (empty when it is not tabular). */
  columns: KqlColumn[];
  /** The analysed tree (Kusto.Language.KustoCode), for modules that walk it. */
  code: Kusto.Language.KustoCode;
}

export interface KqlToken {
  kind: string;
  text: string;
  start: number;
  length: number;
  /** A literal value token (string, number, datetime, timespan, bool, guid). */
  literal: boolean;
}

/** Holds the parser's global state for one set of schemas (building it is cheap; the first parse is not). */
export class SchemaGlobals {
  private state: Kusto.Language.GlobalState | undefined;
  constructor(private readonly schemas: readonly TableSchema[]) {}

  get(): Kusto.Language.GlobalState {
    if (!this.state) {
      const K = kusto();
      const tables = this.schemas.map(
        (t) => new K.Symbols.TableSymbol.$ctor7(t.name, `(${t.columns.map((c) => `${quoteName(c.name)}:${c.type}`).join(', ')})`, null),
      );
      const db = new K.Symbols.DatabaseSymbol.ctor('db', tables);
      this.state = K.GlobalState.Default!.WithDatabase(db)!;
    }
    return this.state;
  }
}

/** Bracket-quotes every name so keywords (`type`, `kind`) and odd characters are safe in a schema string. */
function quoteName(name: string): string {
  return `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

export function analyzeWith(globals: SchemaGlobals, query: string): Analysis {
  const K = kusto();
  const code = K.KustoCode.ParseAndAnalyze(query, globals.get())!;
  const list = code.GetDiagnostics()!;
  const diagnostics: KqlDiagnostic[] = [];
  for (let i = 0; i < list.Count; i++) {
    const d = list.getItem(i);
    diagnostics.push(diagnosticAt(query, d.Start, d.Length, d.Message ?? '', d.Code ?? '', d.Severity ?? 'Error'));
  }
  return { query, diagnostics, ok: !diagnostics.some((d) => d.severity === 'Error'), columns: resultColumns(code.ResultType), code };
}

/** Columns of a tabular result type; empty for scalars and statements without a result. */
export function resultColumns(type: Kusto.Language.Symbols.TypeSymbol | null): KqlColumn[] {
  const cols = (type as Kusto.Language.Symbols.TableSymbol | null)?.Columns;
  if (!cols) return [];
  const out: KqlColumn[] = [];
  for (let i = 0; i < cols.Count; i++) {
    const c = cols.getItem(i);
    out.push({ name: c.Name ?? '', type: c.Type?.Name ?? 'dynamic' });
  }
  return out;
}

/** Every lexical token of a query (no trivia), in order; literal tokens are flagged. */
export function tokensOf(code: Kusto.Language.KustoCode): KqlToken[] {
  const out: KqlToken[] = [];
  let tok = code.Syntax?.GetFirstToken() ?? null;
  while (tok) {
    const kind = syntaxKindName(tok.Kind);
    if (kind !== 'EndOfTextToken') {
      out.push({ kind, text: tok.Text ?? '', start: tok.TextStart, length: tok.Width, literal: LITERAL_TOKENS.has(kind) });
    }
    tok = tok.GetNextToken();
  }
  return out;
}

const LITERAL_TOKENS = new Set([
  'BooleanLiteralToken', 'DateTimeLiteralToken', 'DecimalLiteralToken', 'GuidLiteralToken', 'IntLiteralToken',
  'LongLiteralToken', 'RawGuidLiteralToken', 'RealLiteralToken', 'StringLiteralToken', 'TimespanLiteralToken',
]);
