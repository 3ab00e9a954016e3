// Initial state of the capacity store: a blank estimator form at the defaults, nothing measured,
// no scenarios listed or compared yet.
import type { CapacityCalibration, LoadedScenario, ScenarioSummary } from '../../../shared/api/index.js';
import type { ErrorData } from '../../../shared/errors.js';
import { blankTexts, type FieldTexts } from './field-text.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface CapacityState {
  /** The form's fields exactly as typed; the estimate is recomputed from them on every change. */
  fields: FieldTexts;
  /** The scenario the form was last loaded from or saved as. */
  scenarioName: string | null;
  scenarios: ScenarioSummary[];
  scenariosStatus: LoadStatus;
  scenariosError: ErrorData | null;
  saving: boolean;
  /** Why the last save failed (e.g. the name is taken), shown next to the save form. */
  saveError: ErrorData | null;
  /** Loaded sources the calibration can prefill from. */
  sources: string[];
  /** The source chosen to prefill bytes per event and compression; '' for none. */
  source: string;
  calibration: CapacityCalibration | null;
  calibrating: boolean;
  calibrationError: ErrorData | null;
  /** Judge with the thresholds measured here (after a calibration) instead of the documented defaults. */
  useMeasured: boolean;
  /** Saved scenarios shown side by side with the form, in the order they were added. */
  compared: LoadedScenario[];
  /** Scenarios ticked for comparison whose files are still on their way from the engine. */
  comparePending: string[];
}

export function initialCapacityState(): CapacityState {
  return {
    fields: blankTexts(),
    scenarioName: null,
    scenarios: [],
    scenariosStatus: 'idle',
    scenariosError: null,
    saving: false,
    saveError: null,
    sources: [],
    source: '',
    calibration: null,
    calibrating: false,
    calibrationError: null,
    useMeasured: false,
    compared: [],
    comparePending: [],
  };
}
