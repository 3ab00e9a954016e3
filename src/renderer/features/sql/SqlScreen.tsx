// The SQL screen: a SQL editor (Monaco, with DuckDB's completions) over the workspace's tables,
// read-only. Ctrl+Enter or Run runs the selection or everything; the result pages through a grid;
// an error is marked at its line and column in the editor.
import { lazy, Suspense, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EditorErrorMark } from '../../components/sql-editor/SqlEditor.js';
import { editorPosition } from '../../stores/sql/error-position.js';
import { useSqlStore } from '../../stores/sql/store.js';
import { SqlResults } from './SqlResults.js';
import './sql.css';

const SqlEditor = lazy(() => import('../../components/sql-editor/SqlEditor.js'));

export function SqlScreen() {
  const { text, current, setText, run, cancel } = useSqlStore(
    useShallow((s) => ({ text: s.text, current: s.current, setText: s.setText, run: s.run, cancel: s.cancel })),
  );
  const errorMark = useMemo<EditorErrorMark | null>(() => {
    if (current?.status !== 'failed' || !current.error) return null;
    const at = editorPosition(current.error, current.start);
    return at ? { ...at, message: current.error.message } : null;
  }, [current]);
  const running = current?.status === 'running';
  return (
    <div className="screen sql-screen">
      <div className="screen__header">
        <h1>SQL</h1>
        <div className="button-row">
          <span className="muted">Read-only · Ctrl+Enter runs the selection or everything</span>
          {running ? (
            <button type="button" className="button button--danger" onClick={cancel}>
              Cancel
            </button>
          ) : (
            <button type="button" className="button button--primary" disabled={text.trim() === ''} onClick={() => void run(text)}>
              Run
            </button>
          )}
        </div>
      </div>
      <div className="sql-screen__editor">
        <Suspense fallback={<p className="muted">Loading the editor…</p>}>
          <SqlEditor label="SQL query" value={text} onChange={setText} onRun={(sql, line, column) => void run(sql, { line, column })} error={errorMark} />
        </Suspense>
      </div>
      <section className="sql-screen__results" aria-label="Result">
        {current ? (
          <SqlResults run={current} />
        ) : (
          <p className="hint">Write a query over bronze, silver, gold or quarantine tables and press Ctrl+Enter. Queries here read and never change data.</p>
        )}
      </section>
    </div>
  );
}
