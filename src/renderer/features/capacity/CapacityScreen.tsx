// The Capacity screen: the estimator form on the left, recomputed on every keystroke in the
// browser; the verdict, calibration and headroom, storage over the years and the worked math on
// the right; saved scenarios compared side by side and the sensitivity view below.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { engineConnection } from '../../api/engine.js';
import { useCapacityStore } from '../../stores/capacity/store.js';
import { selectCompared, selectLoaders, selectProfile } from '../../stores/capacity/selectors.js';
import { useConnectionStore } from '../../stores/connection/store.js';
import { selectConnected } from '../../stores/connection/selectors.js';
import { CalibrationPanel } from './CalibrationPanel.js';
import { ComparisonTable } from './ComparisonTable.js';
import { EstimateForm } from './EstimateForm.js';
import { EstimatePending } from './EstimatePending.js';
import { ScenariosPanel } from './ScenariosPanel.js';
import { SensitivityTable } from './SensitivityTable.js';
import { StorageChart } from './StorageChart.js';
import { useFormEstimate } from './use-form-estimate.js';
import { VerdictPanel } from './VerdictPanel.js';
import { WorkedMath } from './WorkedMath.js';
import './capacity.css';

/** Lists scenarios and sources once connected, and again when their files change. */
function useWorkspaceLists(): void {
  const connected = useConnectionStore(selectConnected);
  const { loadScenarios, loadSources } = useCapacityStore(useShallow(selectLoaders));
  useEffect(() => {
    if (!connected) return undefined;
    void loadScenarios();
    void loadSources();
    return engineConnection().on('onWorkspaceChanged', (change) => {
      if (change.kind === 'scenario') void loadScenarios();
      if (change.kind === 'source') void loadSources();
    });
  }, [connected, loadScenarios, loadSources]);
}

export function CapacityScreen() {
  useWorkspaceLists();
  const result = useFormEstimate();
  const profile = useCapacityStore(selectProfile);
  const compared = useCapacityStore(selectCompared);
  const estimate = result.estimate;
  const measured = Object.values(profile).some((t) => t.source === 'calibrated');
  return (
    <div className="screen capacity">
      <div className="screen__header">
        <h1>Capacity</h1>
        <p className="capacity__lead">Size a planned pipeline before drawing boxes: events per second at peak, bytes per day, storage per year — and whether one machine still fits.</p>
      </div>
      <div className="capacity__layout">
        <div className="capacity__inputs">
          <EstimateForm result={result} />
          <ScenariosPanel inputs={estimate?.inputs ?? null} />
        </div>
        <div className="capacity__results">
          {estimate ? <VerdictPanel estimate={estimate} thresholds={measured ? 'measured' : 'default'} /> : <EstimatePending result={result} />}
          <CalibrationPanel estimate={estimate} />
          {estimate ? <StorageChart estimate={estimate} /> : null}
          {estimate ? <WorkedMath estimate={estimate} /> : null}
        </div>
      </div>
      {compared.length > 0 ? <ComparisonTable current={estimate} compared={compared} profile={profile} /> : null}
      {estimate ? <SensitivityTable estimate={estimate} /> : null}
    </div>
  );
}
