// The Ingest screen: add data files (drop or type a path, preview, load into bronze), and the
// Sources panel: the workspace's sources with their last load, cursor and last error; loads one
// with live progress, sends an HTTP source's test request, previews one; and the Secrets panel
// for the tokens and passwords HTTP sources name.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { engineConnection } from '../../api/engine.js';
import { selectInspection, selectLoads, selectSourceActions, selectSourceList } from '../../stores/sources/selectors.js';
import { useSourcesStore } from '../../stores/sources/store.js';
import { selectConnected } from '../../stores/connection/selectors.js';
import { useConnectionStore } from '../../stores/connection/store.js';
import { AddFilesPanel } from './AddFilesPanel.js';
import { SecretsPanel } from './SecretsPanel.js';
import { SourceInspectionView } from './SourceInspectionView.js';
import { SourcesTable } from './SourcesTable.js';

export function IngestScreen() {
  const { sources, status, error, load } = useSourcesStore(useShallow(selectSourceList));
  const loads = useSourcesStore(selectLoads);
  const inspection = useSourcesStore(selectInspection);
  const actions = useSourcesStore(useShallow(selectSourceActions));

  const connected = useConnectionStore(selectConnected);
  const replace = (source: string): void => {
    if (window.confirm(`Load ${source} again from its files and replace all data in bronze.${source}? Models that read it rebuild in full on the next run.`)) void actions.ingest(source, { replace: true });
  };

  useEffect(() => {
    if (connected) void load();
  }, [load, connected]);
  useEffect(() => engineConnection().on('onIngestProgress', actions.applyProgress), [actions.applyProgress]);

  return (
    <div className="screen">
      <div className="screen__header">
        <h1>Ingest</h1>
      </div>
      <AddFilesPanel />
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        {status === 'error' && sources.length === 0 ? (
          <div className="empty-state" role="alert">
            <h2>The sources could not be listed</h2>
            <p>{error?.message}</p>
            {error?.hint ? <p className="hint">{error.hint}</p> : null}
          </div>
        ) : status === 'ready' && sources.length === 0 ? (
          <div className="empty-state">
            <p>
              No sources yet: add a data file above, write a source in <code>sources/</code>, or run <code>ingot ingest &lt;file&gt;</code>.
            </p>
          </div>
        ) : (
          <SourcesTable sources={sources} loads={loads} onLoad={(s) => void actions.ingest(s)} onReplace={(s) => replace(s)} onCancelLoad={actions.cancelLoad} onTestRequest={(s) => void actions.testRequest(s)} onPreview={(s) => void actions.preview(s)} />
        )}
      </section>
      <SecretsPanel connected={connected} refreshKey={`${sources.map((s) => s.name).join(',')}|${inspection ? `${inspection.source}:${inspection.status}` : ''}`} />
      {inspection ? <SourceInspectionView inspection={inspection} onClose={actions.closeInspection} /> : null}
    </div>
  );
}
