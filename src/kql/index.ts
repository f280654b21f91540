/** Public API of the local KQL engine (see docs/kql-engine.md). */
export { KqlEngine } from './engine';
export { KqlError, type KqlDiagnostic } from './errors';
export type { Analysis, KqlToken } from './analyze';
export type { KqlColumn, KqlResult, PreparedQuery, Row, RunOptions, TableData } from './types';
