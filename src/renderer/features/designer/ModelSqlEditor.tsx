// The SQL editor of the designer: the same Monaco editor as the SQL screen (loaded on first use),
// where Ctrl+S saves and a refused save's line and column are marked.
import { lazy, Suspense } from 'react';
import type { ErrorData } from '../../../shared/errors.js';

const SqlEditor = lazy(() => import('../../components/sql-editor/SqlEditor.js'));

export interface ModelSqlEditorProps {
  label: string;
  value: string;
  busy: boolean;
  /** A refusal whose position is marked, when it names one. */
  error?: ErrorData | null;
  onChange(value: string): void;
  onSave(): void;
}

export function ModelSqlEditor({ label, value, busy, error, onChange, onSave }: ModelSqlEditorProps) {
  const line = error?.detail?.line;
  const mark = typeof line === 'number' ? { line, column: typeof error?.detail?.column === 'number' ? error.detail.column : 1, message: error?.message ?? '' } : null;
  return (
    <div className="model-sql__editor">
      <Suspense fallback={<p className="muted">Loading the editor…</p>}>
        <SqlEditor label={label} value={value} readOnly={busy} error={mark} onChange={onChange} onSave={onSave} testId="model-sql-editor" />
      </Suspense>
    </div>
  );
}
