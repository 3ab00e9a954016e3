// Contract: the capacity estimator's engine calls. Estimating needs no call (the form runs the
// pure estimator from src/shared/capacity on every keystroke); measuring this workspace and the
// capacity/*.yaml scenario files do, so they go through the engine. The schemas are the
// estimator's own (src/shared/capacity/api-schemas.ts), named here as the contract uses them.
import type { z } from 'zod';
import type { CalibrationSchema, ListScenariosResultSchema, LoadScenarioResultSchema, SaveScenarioRequestSchema } from '../capacity/api-schemas.js';

export {
  /** `{ source? }`: the loaded source whose bytes per row and compression prefill the form. */
  CalibrateRequestSchema as CalibrateCapacityRequestSchema,
  /** What the workspace measured: rows/s per model and end to end, sources, thresholds, prefill. */
  CalibrationSchema as CalibrateCapacityResultSchema,
  ListScenariosResultSchema,
  LoadScenarioRequestSchema,
  LoadScenarioResultSchema,
  /** Writes capacity/<name>.yaml; refused when the file exists unless `overwrite`. */
  SaveScenarioRequestSchema,
  SaveScenarioResultSchema,
} from '../capacity/api-schemas.js';

export type CapacityCalibration = z.output<typeof CalibrationSchema>;
export type ScenarioSummary = z.output<typeof ListScenariosResultSchema>['scenarios'][number];
export type LoadedScenario = z.output<typeof LoadScenarioResultSchema>;
export type SaveScenarioRequest = z.input<typeof SaveScenarioRequestSchema>;
