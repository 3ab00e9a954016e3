// The capacity estimator in the engine: the pure estimator from src/shared/capacity, plus what
// needs the workspace: scenario files, DuckDB storage sizes and calibration from run history.
export * from '../../shared/capacity/index.js';
export * from './calibrate.js';
export * from './handlers.js';
export * from './scenarios.js';
export * from '../db/storage-bytes.js';
export { MINIMUM_SAMPLE, type MinimumSample } from './sample-size.js';
