// The selected model's SQL: edit, save (checked by the engine as a run would check it) or revert;
// a refused save shows what is wrong and where, and the file keeps its last saved text.
import { useShallow } from 'zustand/react/shallow';
import { useModelsStore } from '../../stores/models/store.js';
import { isDirty, selectEditorActions, selectSelectedEditor } from '../../stores/models/selectors.js';
import { ErrorCallout } from '../../components/feedback/ErrorCallout.js';
import { ModelSqlEditor } from './ModelSqlEditor.js';

export function ModelSqlSection({ model, file }: { model: string; file: string }) {
  const editor = useModelsStore(selectSelectedEditor);
  const { edit, save, revert } = useModelsStore(useShallow(selectEditorActions));
  if (!editor || editor.status === 'loading') return <p className="muted">Reading {file}…</p>;
  const dirty = isDirty(editor);
  return (
    <section className="model-sql" aria-label={`SQL of ${model}`}>
      <header className="model-sql__header">
        <h3>SQL</h3>
        <span className="muted" role="status" aria-label="Save state">
          {editor.status === 'saving' ? 'Saving…' : dirty ? 'Unsaved changes' : 'Saved'}
        </span>
      </header>
      {editor.saved !== null ? (
        <ModelSqlEditor
          label={`SQL of ${model}`}
          value={editor.draft}
          busy={editor.status === 'saving'}
          error={editor.error}
          onChange={(text) => edit(model, text)}
          onSave={() => void save(model)}
        />
      ) : null}
      {editor.error ? <ErrorCallout error={editor.error}>{dirty ? <p className="hint">Nothing was written: {file} still holds the last saved SQL.</p> : null}</ErrorCallout> : null}
      {editor.changedOnDisk ? (
        <p className="callout callout--warn" role="status">
          {file} changed on disk while you were editing. Saving would overwrite that change, so Ingot will refuse it: copy your edit, choose Revert, then apply it again.
        </p>
      ) : null}
      {editor.warnings.map((w) => (
        <p key={w} className="callout callout--warn" role="status">
          {w}
        </p>
      ))}
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={!dirty || editor.status === 'saving'} onClick={() => void save(model)}>
          Save
        </button>
        <button type="button" className="button" disabled={!dirty || editor.status === 'saving'} onClick={() => void revert(model)}>
          Revert
        </button>
        <span className="muted">Ctrl+S saves</span>
      </div>
    </section>
  );
}
