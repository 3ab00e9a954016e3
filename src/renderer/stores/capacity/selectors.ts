// Selectors of the capacity store. Those returning objects are used with useShallow.
import { DEFAULT_PROFILE, type MachineProfile } from '../../../shared/capacity/index.js';
import type { CapacityStore } from './store.js';

export const selectFields = (s: CapacityStore) => s.fields;
export const selectFormActions = (s: CapacityStore) => ({ setField: s.setField, fillExample: s.fillExample, resetForm: s.resetForm });
export const selectScenarioList = (s: CapacityStore) => ({
  scenarios: s.scenarios,
  status: s.scenariosStatus,
  error: s.scenariosError,
  current: s.scenarioName,
  compared: s.compared,
  comparePending: s.comparePending,
  openScenario: s.openScenario,
  toggleCompared: s.toggleCompared,
});
export const selectSaving = (s: CapacityStore) => ({
  saving: s.saving,
  error: s.saveError,
  current: s.scenarioName,
  saveScenario: s.saveScenario,
  clearSaveError: s.clearSaveError,
});
export const selectCalibration = (s: CapacityStore) => ({
  calibration: s.calibration,
  calibrating: s.calibrating,
  error: s.calibrationError,
  sources: s.sources,
  source: s.source,
  useMeasured: s.useMeasured,
  setSource: s.setSource,
  calibrate: s.calibrate,
  cancel: s.cancelCalibration,
  setUseMeasured: s.setUseMeasured,
});
export const selectCompared = (s: CapacityStore) => s.compared;
export const selectLoaders = (s: CapacityStore) => ({ loadScenarios: s.loadScenarios, loadSources: s.loadSources });

/** The thresholds the verdict uses: measured here when calibrated and chosen, else the documented defaults. */
export const selectProfile = (s: CapacityStore): MachineProfile => (s.useMeasured && s.calibration ? s.calibration.profile : DEFAULT_PROFILE);

/** Rows per second this pipeline sustained end to end, when a calibration measured it. */
export const selectMeasuredRowsPerSec = (s: CapacityStore): number | null => s.calibration?.endToEnd?.rowsPerSec ?? null;
