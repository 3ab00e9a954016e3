// The side panel of a selected bronze table: the source that fills it and its last load, a button
// to load it now, the models that read it, and a start for a new model on it.
import { useShallow } from 'zustand/react/shallow';
import type { ModelInfo } from '../../../shared/api/index.js';
import { countOf, formatCount } from '../../format/numbers.js';
import { formatDateTime } from '../../format/time.js';
import { useModelsStore } from '../../stores/models/store.js';
import { useSourcesStore } from '../../stores/sources/store.js';
import { selectLoads, selectSourceActions } from '../../stores/sources/selectors.js';
import { loadStatusText } from '../ingest/load-status.js';
import { OpenTableButton } from './OpenTableButton.js';
import { readersOf } from './pipeline-layout.js';

export function SourcePanel({ name, models, onNewModel }: { name: string; models: readonly ModelInfo[]; onNewModel(from: string): void }) {
  const id = `bronze.${name}`;
  const source = useSourcesStore((s) => s.sources.find((x) => x.name === name) ?? null);
  const load = useSourcesStore(selectLoads)[name];
  const { ingest, cancelLoad } = useSourcesStore(useShallow(selectSourceActions));
  const select = useModelsStore((s) => s.select);
  const readers = readersOf(models, id);
  return (
    <section className="panel designer-panel" aria-label={`Bronze table ${id}`}>
      <header className="panel designer-panel__header">
        <span className="layer-badge layer-badge--bronze">bronze</span>
        <h2>{name}</h2>
      </header>
      <dl className="facts">
        <div>
          <dt>Source</dt>
          <dd>{source ? <code>{source.file}</code> : 'none: this table was loaded without a source file'}</dd>
        </div>
        {source ? (
          <div>
            <dt>Reads</dt>
            <dd>
              <code>{source.location}</code> ({source.kind})
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Last load</dt>
          <dd>
            {source?.lastBatch
              ? `${countOf(source.lastBatch.rowsLoaded, 'row')}, ${formatCount(source.lastBatch.rowsRejected)} rejected, ${formatDateTime(source.lastBatch.loadedAt)}`
              : 'never loaded'}
          </dd>
        </div>
        <div>
          <dt>Read by</dt>
          <dd className="panel designer-panel__links">
            {readers.length === 0
              ? 'no model yet'
              : readers.map((r) => (
                  <button key={r} type="button" className="button--link" onClick={() => select(r)}>
                    {r}
                  </button>
                ))}
          </dd>
        </div>
      </dl>
      {source?.lastError ? (
        <p className="callout callout--error" role="alert">
          {source.lastError}
        </p>
      ) : null}
      <div className="button-row">
        {source ? (
          load?.state === 'running' ? (
            <button type="button" className="button button--danger" onClick={() => cancelLoad(name)}>
              Cancel load
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={() => void ingest(name)}>
              Load now
            </button>
          )
        ) : null}
        <button type="button" className="button" onClick={() => onNewModel(id)}>
          New model from {id}
        </button>
      </div>
      {load ? (
        <p className="muted" role="status" aria-label={`Load of ${name}`}>
          {loadStatusText(load)}
        </p>
      ) : null}
      <OpenTableButton layer="bronze" name={name} />
    </section>
  );
}
