// "Add data files": drop files on the panel (the desktop app knows where they are on disk) or
// type a path (relative to the workspace folder, or absolute); each is previewed with the types
// DuckDB infers, then loaded into bronze on request. A browser is not told where a dropped file
// lives, so there the panel says to type the path instead.
import { useState, type DragEvent, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { droppedFilePaths } from '../../api/desktop-bridge.js';
import { selectDraftActions, selectDrafts } from '../../stores/sources/selectors.js';
import { useSourcesStore } from '../../stores/sources/store.js';
import { FileDraftView } from './FileDraftView.js';

const NO_PATH_NOTICE =
  'The browser does not tell Ingot where a dropped file is on disk. Type its path below instead (relative to the workspace folder, or absolute), or use the desktop app (npm run desktop), where dropping works.';

export function AddFilesPanel() {
  const drafts = useSourcesStore(selectDrafts);
  const { addFiles, loadFile, removeFile } = useSourcesStore(useShallow(selectDraftActions));
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [path, setPath] = useState('');

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    const paths = droppedFilePaths(files).filter((p) => p !== '');
    setNotice(paths.length < files.length ? NO_PATH_NOTICE : null);
    if (paths.length > 0) void addFiles(paths);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (path.trim() === '') return;
    setNotice(null);
    void addFiles([path]);
    setPath('');
  };

  return (
    <section aria-labelledby="add-files-heading" className="add-files">
      <h2 id="add-files-heading">Add data files</h2>
      <div
        className={`drop-zone${dragging ? ' drop-zone--over' : ''}`}
        aria-label="Drop files here"
        role="region"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>Drop CSV, TSV, Parquet, JSON/NDJSON or Excel files here: Ingot previews each with the column types DuckDB infers, and loads it into bronze when you say so.</p>
        <form className="drop-zone__form" onSubmit={onSubmit}>
          <label>
            File path{' '}
            <input type="text" value={path} onChange={(e) => setPath(e.target.value)} placeholder="data/returns.csv" spellCheck={false} className="input" />
          </label>
          <button type="submit" className="button button--small" disabled={path.trim() === ''}>
            Preview
          </button>
        </form>
      </div>
      {notice ? (
        <p role="alert" className="hint">
          {notice}
        </p>
      ) : null}
      {drafts.map((draft) => (
        <FileDraftView key={draft.path} draft={draft} onLoad={() => void loadFile(draft.path)} onRemove={() => removeFile(draft.path)} />
      ))}
    </section>
  );
}
