// The engine contract, re-exported from one place.
export * from './capacity.js';
export * from './catalog.js';
export * from './common.js';
export * from './engine-api.js';
export * from './explore.js';
export * from './ingest.js';
export * from './pipeline.js';
export * from './quality.js';
export * from './secrets.js';
export * from './tables.js';
export * from './workspace.js';
