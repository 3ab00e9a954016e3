// Initial state of the SQL store: the editor's text as the user left it (kept in this browser's
// storage), and no run yet.
import type { ArrowPayload } from '../../../shared/api/index.js';
import type { ErrorData } from '../../../shared/errors.js';
import type { EditorPosition } from './error-position.js';

export const TEXT_KEY = 'ingot.sql.text';
const EXAMPLE = '-- Ctrl+Enter runs the selection, or everything.\nSELECT table_schema, table_name\nFROM information_schema.tables\nORDER BY ALL;\n';

export interface SqlRun {
  id: number;
  /** The SQL that ran, and where it begins in the editor. */
  sql: string;
  start: EditorPosition;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  columns: ArrowPayload['columns'];
  /** Rows the grid shows. */
  rowCount: number;
  /** The result kept by the engine, which the grid pages through. */
  resultId: number | null;
  /** The rows themselves, for statements whose output is not kept (EXPLAIN, PRAGMA): small, all here. */
  rows: ArrowPayload | null;
  /** More rows than were kept: only the first `rowCount` are shown. */
  truncated: boolean;
  elapsedMs: number | null;
  error: ErrorData | null;
}

export interface SqlState {
  text: string;
  /** The latest run (the one in progress, or the last one). */
  current: SqlRun | null;
}

function savedText(): string {
  try {
    return window.localStorage.getItem(TEXT_KEY) ?? EXAMPLE;
  } catch {
    return EXAMPLE;
  }
}

export const initialSqlState = (): SqlState => ({ text: savedText(), current: null });
