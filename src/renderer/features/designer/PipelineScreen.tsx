// The Pipeline screen: the designer. The graph of bronze tables and models with the latest run's
// result on each; the selected node's details, run buttons and SQL in the side panel; and new
// models added from here. Edits are checked by the engine before anything is written.
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { engineConnection } from '../../api/engine.js';
import { useModelsStore } from '../../stores/models/store.js';
import { modelId, selectDirtyModels, selectModelList } from '../../stores/models/selectors.js';
import { useRunsStore } from '../../stores/runs/store.js';
import { useSourcesStore } from '../../stores/sources/store.js';
import { useTablesStore } from '../../stores/tables/store.js';
import { ModelPanel } from './ModelPanel.js';
import { NewModelForm } from './NewModelForm.js';
import { PipelineGraph } from './PipelineGraph.js';
import { latestModelRuns } from './pipeline-layout.js';
import { SourcePanel } from './SourcePanel.js';
import { selectConnected } from '../../stores/connection/selectors.js';
import { useConnectionStore } from '../../stores/connection/store.js';
import './designer.css';

export function PipelineScreen() {
  const { models, status, error, selected, select } = useModelsStore(useShallow(selectModelList));
  const dirty = useModelsStore(useShallow(selectDirtyModels));
  const runs = useRunsStore((s) => s.runs);
  const tables = useTablesStore((s) => s.tables);
  const [creating, setCreating] = useState<{ from: string | null } | null>(null);

  // Screens load once connected: a load sent before the connection is up would only fail.
  const connected = useConnectionStore(selectConnected);
  useEffect(() => {
    if (!connected) return;
    void useModelsStore.getState().load();
    void useSourcesStore.getState().load();
  }, [connected]);
  useEffect(
    () =>
      // Model files edited elsewhere (an editor, git) show up here.
      engineConnection().on('onWorkspaceChanged', (change) => {
        if (change.kind === 'model') void useModelsStore.getState().load();
        if (change.kind === 'source') void useSourcesStore.getState().load();
      }),
    [],
  );

  const latest = useMemo(() => latestModelRuns(runs), [runs]);
  const statuses = useMemo(() => new Map([...latest].map(([id, l]) => [id, l.run.status])), [latest]);
  const bronzeTables = useMemo(() => tables.filter((t) => t.layer === 'bronze').map((t) => t.name), [tables]);
  const selectedModel = models.find((m) => modelId(m) === selected) ?? null;
  const selectedBronze = selected?.startsWith('bronze.') ? selected.slice('bronze.'.length) : null;

  const side = creating ? (
    <NewModelForm key={creating.from ?? ''} from={creating.from} onDone={() => setCreating(null)} />
  ) : selectedModel ? (
    <ModelPanel model={selectedModel} models={models} latest={latest.get(modelId(selectedModel))} />
  ) : selectedBronze !== null ? (
    <SourcePanel name={selectedBronze} models={models} onNewModel={(from) => setCreating({ from })} />
  ) : (
    <section className="panel designer-panel designer-panel--hint">
      <h2>Select a table</h2>
      <p>Click a node, or move to it with Tab and press Enter, to see what it reads, run it and edit its SQL.</p>
    </section>
  );

  return (
    <div className="screen designer">
      <div className="screen__header">
        <h1>Pipeline</h1>
        <button type="button" className="button" onClick={() => setCreating({ from: selected })}>
          New model
        </button>
      </div>
      {status === 'error' && models.length === 0 ? (
        <div className="empty-state" role="alert">
          <h2>The models could not be read</h2>
          <p>{error?.message}</p>
          {error?.hint ? <p className="hint">{error.hint}</p> : null}
        </div>
      ) : models.length === 0 && bronzeTables.length === 0 && status === 'ready' ? (
        <div className="empty-state">
          <h2>Nothing to show yet</h2>
          <p>Load a file into bronze on the Ingest screen; then add a model on it here with New model.</p>
        </div>
      ) : (
        <div className="designer__layout">
          <PipelineGraph models={models} bronzeTables={bronzeTables} statuses={statuses} dirty={dirty} selected={selected} onSelect={select} />
          <aside className="designer__side">{side}</aside>
        </div>
      )}
    </div>
  );
}
