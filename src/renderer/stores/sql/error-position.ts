// Where in the editor an error of a run happened: DuckDB reports line and column in the SQL that
// ran, which is the selection when only part of the editor's text was run.
import type { ErrorData } from '../../../shared/errors.js';

export interface EditorPosition {
  line: number;
  column: number;
}

/** The editor position of `error`, for SQL that began at `start` in the editor; null when DuckDB gave none. */
export function editorPosition(error: ErrorData, start: EditorPosition): EditorPosition | null {
  const line = error.detail?.line;
  if (typeof line !== 'number') return null;
  const column = typeof error.detail?.column === 'number' ? error.detail.column : 1;
  return line === 1 ? { line: start.line, column: start.column + column - 1 } : { line: start.line + line - 1, column };
}
