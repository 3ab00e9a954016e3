// "Add data files": drop files on the panel or choose them (the desktop app knows where they are
// on disk), or type a path (relative to the workspace folder, or absolute); each is previewed
// with the types DuckDB infers, then loaded into bronze on request. A browser is not told where a
// dropped file lives, so there the panel asks for the path first and says why a drop cannot work.
import { useRef, useState, type ChangeEvent, type DragEvent, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { droppedFilePaths, locatesDroppedFiles } from '../../api/desktop-bridge.js';
import { selectWorkspace } from '../../stores/connection/selectors.js';
import { useConnectionStore } from '../../stores/connection/store.js';
import { selectDraftActions, selectDrafts, selectLoads } from '../../stores/sources/selectors.js';
import { useSourcesStore } from '../../stores/sources/store.js';
import { FileDraftView } from './FileDraftView.js';

/** Why dropped files could not be added, naming them. */
function dropNotice(names: string[], inDesktopApp: boolean): string {
  const which = names.join(', ');
  return inDesktopApp
    ? `${which}: not files on this computer's disk (dragged from a browser or mail?). Save them to a folder first, then drop them from there.`
    : `The browser does not tell Ingot where ${which} is on disk. Type the path above instead (relative to the workspace folder, or absolute), or use the desktop app (npm run desktop), where dropping works.`;
}

const hasFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer.types).includes('Files');

/** The file kinds Ingot reads, for the file chooser. */
const DATA_FILES = '.csv,.tsv,.txt,.parquet,.json,.ndjson,.jsonl,.xlsx';

export function AddFilesPanel() {
  const drafts = useSourcesStore(selectDrafts);
  const loads = useSourcesStore(selectLoads);
  const actions = useSourcesStore(useShallow(selectDraftActions));
  const workspace = useConnectionStore(selectWorkspace);
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [path, setPath] = useState('');
  const inDesktopApp = locatesDroppedFiles();

  const chooser = useRef<HTMLInputElement>(null);

  const addPicked = (files: File[]): void => {
    const paths = droppedFilePaths(files);
    const unknown = files.filter((_f, i) => paths[i] === '').map((f) => f.name);
    setNotice(unknown.length > 0 ? dropNotice(unknown, inDesktopApp) : null);
    const known = paths.filter((p) => p !== '');
    if (known.length > 0) void actions.addFiles(known);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    addPicked(Array.from(event.dataTransfer.files));
  };
  const onChoose = (event: ChangeEvent<HTMLInputElement>): void => {
    addPicked(Array.from(event.target.files ?? []));
    event.target.value = '';
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (path.trim() === '') return;
    setNotice(null);
    void actions.addFiles([path]);
    setPath('');
  };

  return (
    <section aria-labelledby="add-files-heading" className="add-files">
      <h2 id="add-files-heading">Add data files</h2>
      <div
        className={`drop-zone${dragging ? ' drop-zone--over' : ''}`}
        aria-label="Drop files here"
        role="group"
        onDragOver={(e) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <p>
          {inDesktopApp ? 'Drop CSV, TSV, Parquet, JSON/NDJSON or Excel files here, or type a path' : 'Type the path of a CSV, TSV, Parquet, JSON/NDJSON or Excel file'}: Ingot previews
          each with the column types DuckDB infers, and loads it into bronze when you say so.
        </p>
        <form className="drop-zone__form" onSubmit={onSubmit}>
          <label>
            File path{' '}
            <input type="text" value={path} onChange={(e) => setPath(e.target.value)} placeholder="data/returns.csv" spellCheck={false} className="input" />
          </label>
          <button type="submit" className="button button--small" disabled={path.trim() === ''}>
            Preview
          </button>
          {inDesktopApp ? (
            <>
              <button type="button" className="button button--small" onClick={() => chooser.current?.click()}>
                Choose files…
              </button>
              <input ref={chooser} type="file" multiple accept={DATA_FILES} hidden onChange={onChoose} aria-label="Data files to add" />
            </>
          ) : null}
        </form>
      </div>
      {notice ? (
        <p role="alert" className="hint">
          {notice}
        </p>
      ) : null}
      {drafts.map((draft) => (
        <FileDraftView
          key={draft.id}
          draft={draft}
          load={draft.source ? loads[draft.source] : undefined}
          workspaceRoot={workspace?.root ?? null}
          onLoad={() => void actions.loadFile(draft.id)}
          onCancel={() => (draft.preview.status === 'loading' ? actions.cancelPreview(draft.id) : draft.source ? actions.cancelLoad(draft.source) : undefined)}
          onRemove={() => actions.removeFile(draft.id)}
        />
      ))}
    </section>
  );
}
