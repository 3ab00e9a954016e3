// The capacity estimator's pure core, shared by the engine, the CLI and the browser form:
// inputs and validation, the arithmetic, the worked steps, the verdict, projection,
// sensitivity, comparison, headroom and the scenario file schema. No Node built-ins.
export * from './check-inputs.js';
export * from './compare.js';
export * from './compression-range.js';
export * from './estimate.js';
export * from './figures.js';
export * from './format.js';
export * from './headroom.js';
export * from './input-display.js';
export * from './inputs.js';
export * from './profile.js';
export * from './projection.js';
export * from './scenario-file.js';
export * from './sensitivity.js';
export * from './steps.js';
export * from './verdict.js';
export { kindOf, measureVerdict, type VerdictMeasures } from './verdict-measures.js';
export * from './verdict-standing.js';
export * from './calibration.js';
export * from './text-report.js';
export * from './api-schemas.js';
