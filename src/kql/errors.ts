/** Errors carry the parser's diagnostics (with 1-based line/column) or the construct the engine does not run. */

export interface KqlDiagnostic {
  severity: string;
  code: string;
  message: string;
  start: number;
  length: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export class KqlError extends Error {
  readonly diagnostics: KqlDiagnostic[];
  /** Set when the query is valid KQL that this engine does not implement (e.g. "parse operator"). */
  readonly construct?: string;

  constructor(message: string, diagnostics: KqlDiagnostic[] = [], construct?: string) {
    super(message);
    this.name = 'KqlError';
    this.diagnostics = diagnostics;
    if (construct !== undefined) this.construct = construct;
  }
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function diagnosticAt(text: string, start: number, length: number, message: string, code = 'KQL', severity = 'Error'): KqlDiagnostic {
  return { severity, code, message, start, length, ...lineColumn(text, start) };
}

/** Thrown at prepare time for valid KQL outside the supported subset: never a silently wrong result. */
export function unsupported(construct: string, text: string, start: number, length: number): KqlError {
  const d = diagnosticAt(text, start, length, `unsupported by the local KQL engine: ${construct}`, 'UNSUPPORTED');
  return new KqlError(`unsupported by the local KQL engine: ${construct} (line ${d.line}, column ${d.column})`, [d], construct);
}

/** Thrown while running (e.g. a table missing from the data). */
export function runtimeError(message: string): KqlError {
  return new KqlError(message);
}
