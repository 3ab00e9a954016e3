// Migration 022: why a model of a run was not built or not published (upstream-not-built,
// withheld-by-atomic-publish, run-cancelled, run-interrupted), so run history tells a model held
// back by atomic publish from one skipped because a model it reads failed. NULL in runs stored before.
import type { Migration } from './index.js';

export const runModelReasons: Migration = {
  version: 22,
  name: 'why run models were not built',
  up: `ALTER TABLE _ingot.run_models ADD COLUMN not_built_reason VARCHAR;`,
};
