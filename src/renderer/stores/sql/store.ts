// SQL store: the editor's text, and the latest run of it — the result the engine keeps for the
// grid to page through (or, for EXPLAIN and the like, the rows themselves), how long it took, or
// why it failed. A new run cancels the one before; Cancel interrupts DuckDB.
import { create } from 'zustand';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf } from '../../api/error-data.js';
import type { EditorPosition } from './error-position.js';

/** The reason the engine gives for output it does not keep for paging. */
const NOT_KEEPABLE = 'not-keepable';
import { initialSqlState, TEXT_KEY, type SqlRun, type SqlState } from './initial-state.js';

/** Rows of a statement whose output the engine does not keep (EXPLAIN, PRAGMA): they come at once. */
export const UNKEPT_LIMIT = 10_000;

export interface SqlActions {
  setText(text: string): void;
  /** Runs `sql` (all or part of the editor's text, starting at `start`). */
  run(sql: string, start?: EditorPosition): Promise<void>;
  cancel(): void;
}

export type SqlStore = SqlState & SqlActions;

export const useSqlStore = create<SqlStore>()((set) => {
  let controller: AbortController | null = null;
  let lastId = 0;
  const patchRun = (id: number, change: Partial<SqlRun>): void => set((s) => (s.current?.id === id ? { current: { ...s.current, ...change } } : {}));

  return {
    ...initialSqlState(),
    setText: (text) => {
      set({ text });
      try {
        window.localStorage.setItem(TEXT_KEY, text);
      } catch {
        // Storage full or disabled: the text lives on in this window only.
      }
    },
    run: async (sql, start = { line: 1, column: 1 }) => {
      controller?.abort();
      const own = new AbortController();
      controller = own;
      const id = ++lastId;
      const began = performance.now();
      set({ current: { id, sql, start, status: 'running', columns: [], rowCount: 0, resultId: null, rows: null, truncated: false, elapsedMs: null, error: null } });
      const { api } = engineConnection();
      try {
        try {
          const kept = await api.runSql({ sql }, { signal: own.signal });
          patchRun(id, { status: 'done', columns: kept.columns, rowCount: kept.rowCount, resultId: kept.resultId, truncated: kept.truncated, elapsedMs: performance.now() - began });
        } catch (err) {
          if (errorDataOf(err).detail?.reason !== NOT_KEEPABLE) throw err;
          const rows = await api.query({ sql, limit: UNKEPT_LIMIT }, { signal: own.signal });
          patchRun(id, { status: 'done', columns: rows.columns, rowCount: rows.rowCount, rows, truncated: rows.rowCount === UNKEPT_LIMIT, elapsedMs: performance.now() - began });
        }
      } catch (err) {
        const error = errorDataOf(err);
        patchRun(id, { status: error.code === 'CANCELLED' || own.signal.aborted ? 'cancelled' : 'failed', error, elapsedMs: performance.now() - began });
      } finally {
        if (controller === own) controller = null;
      }
    },
    cancel: () => controller?.abort(),
  };
});
