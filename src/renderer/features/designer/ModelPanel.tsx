// The side panel of a selected model: what it is and reads, what reads it, its latest run, the
// buttons that run it, and its SQL to edit.
import type { ModelInfo } from '../../../shared/api/index.js';
import { countOf, formatDuration } from '../../format/numbers.js';
import { modelPillClass, modelStatusLabel, notBuiltText } from '../../format/run-status.js';
import { isDirty } from '../../stores/models/selectors.js';
import { useModelsStore } from '../../stores/models/store.js';
import { ModelSqlSection } from './ModelSqlSection.js';
import { OpenTableButton } from './OpenTableButton.js';
import { readersOf, type LatestModelRun } from './pipeline-layout.js';
import { RunModelButtons } from './RunModelButtons.js';

export function ModelPanel({ model, models, latest }: { model: ModelInfo; models: readonly ModelInfo[]; latest: LatestModelRun | undefined }) {
  const id = `${model.layer}.${model.name}`;
  const select = useModelsStore((s) => s.select);
  const unsaved = useModelsStore((s) => isDirty(s.editors[id]));
  const readers = readersOf(models, id);
  // The newest run that left this model out; its table is unchanged, so this is a note, not an error.
  const notBuilt = latest?.notBuilt ?? (latest && (latest.run.status === 'cancelled' || latest.run.status === 'skipped') ? latest : null);
  const link = (target: string) => (
    <button key={target} type="button" className="button--link" onClick={() => select(target)}>
      {target}
    </button>
  );
  return (
    <section className="panel designer-panel" aria-label={`Model ${id}`}>
      <header className="panel designer-panel__header">
        <span className={`layer-badge layer-badge--${model.layer}`}>{model.layer}</span>
        <h2>{model.name}</h2>
      </header>
      {model.description ? <p>{model.description}</p> : null}
      <dl className="facts">
        <div>
          <dt>Built as</dt>
          <dd>{model.materialization}</dd>
        </div>
        <div>
          <dt>File</dt>
          <dd>
            <code>{model.file}</code>
          </dd>
        </div>
        <div>
          <dt>Checks</dt>
          <dd>{model.checks === 0 ? 'none' : model.sidecarFile ? `${model.checks} in ${model.sidecarFile}` : model.checks}</dd>
        </div>
        <div>
          <dt>Reads</dt>
          <dd className="panel designer-panel__links">{model.dependsOn.length === 0 ? 'nothing' : model.dependsOn.map(link)}</dd>
        </div>
        <div>
          <dt>Read by</dt>
          <dd className="panel designer-panel__links">{readers.length === 0 ? 'no model' : readers.map(link)}</dd>
        </div>
        <div>
          <dt>Latest run</dt>
          <dd aria-label="Latest run of this model">
            {latest ? (
              <>
                <span className={modelPillClass(latest.run.status)}>{modelStatusLabel(latest.run.status)}</span> in run #{latest.runId}
                {latest.run.rowsOut !== null ? ` · ${countOf(latest.run.rowsOut, 'row')}` : ''}
                {latest.run.durationMs !== null ? ` · ${formatDuration(latest.run.durationMs)}` : ''}
              </>
            ) : (
              'never run'
            )}
          </dd>
        </div>
      </dl>
      {latest?.run.status === 'failed' && latest.run.error ? (
        <p className="callout callout--error" role="alert">
          {latest.run.error}
        </p>
      ) : null}
      {notBuilt ? (
        <p className="muted" aria-label="Not built">
          {notBuiltText(notBuilt.runId, notBuilt.run)}
        </p>
      ) : null}
      <RunModelButtons name={model.name} unsaved={unsaved} />
      <OpenTableButton layer={model.layer} name={model.name} />
      <ModelSqlSection model={id} file={model.file} />
    </section>
  );
}
