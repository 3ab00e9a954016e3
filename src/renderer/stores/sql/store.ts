// SQL store: the editor's text, and the latest run of it — its columns and row count for the
// grid (which pages the rows from the engine itself), how long it took, or why it failed. A new
// run cancels the one before; Cancel interrupts DuckDB.
import { create } from 'zustand';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf } from '../../api/error-data.js';
import type { EditorPosition } from './error-position.js';
import { initialSqlState, TEXT_KEY, type SqlRun, type SqlState } from './initial-state.js';

/** Rows fetched by the first request; a result that fits needs no separate count. */
export const FIRST_PAGE = 1000;

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
      set({ current: { id, sql, start, status: 'running', columns: [], rowCount: 0, countFailed: false, elapsedMs: null, error: null } });
      const { api } = engineConnection();
      try {
        const first = await api.query({ sql, limit: FIRST_PAGE, offset: 0 }, { signal: own.signal });
        let rowCount = first.rowCount;
        let countFailed = false;
        if (first.rowCount === FIRST_PAGE) {
          try {
            rowCount = (await api.countQuery({ sql }, { signal: own.signal })).rows;
          } catch (err) {
            if (own.signal.aborted) throw err;
            // Statements that cannot be counted (PRAGMA-like) still show their first rows.
            countFailed = true;
          }
        }
        patchRun(id, { status: 'done', columns: first.columns, rowCount, countFailed, elapsedMs: performance.now() - began });
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
