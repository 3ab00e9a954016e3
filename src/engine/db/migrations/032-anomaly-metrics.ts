// Migration 032: the metric history anomaly checks compare against: one value per run, check
// and metric (row count, sums, null rates …), with the gate outcome of that run so only runs
// that were allowed to publish count as history.
import type { Migration } from './index.js';

export const anomalyMetrics: Migration = {
  version: 32,
  name: 'anomaly metric history',
  up: `
    CREATE TABLE _ingot.quality_metrics (
      run_id BIGINT NOT NULL,
      layer VARCHAR NOT NULL,
      model VARCHAR NOT NULL,
      check_name VARCHAR NOT NULL,
      metric VARCHAR NOT NULL,
      value DOUBLE,
      outcome VARCHAR NOT NULL,
      recorded_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      PRIMARY KEY (run_id, layer, model, check_name, metric)
    );
  `,
};
