// Migration 020: pipeline run history. One row per run (trigger, selection, status, counts) and
// one row per model of the run (status, rows in/out, bytes, duration, error with SQL position,
// fingerprint, quality outcome), so `ingot runs` and the Runs view can explain every run.
import type { Migration } from './index.js';

export const pipelineRuns: Migration = {
  version: 20,
  name: 'pipeline run history',
  up: `
    CREATE TABLE _ingot.runs (
      run_id BIGINT PRIMARY KEY,
      trigger VARCHAR NOT NULL,
      schedule VARCHAR,
      selection VARCHAR NOT NULL,
      full_refresh BOOLEAN NOT NULL DEFAULT false,
      partitions VARCHAR,
      status VARCHAR NOT NULL,
      started_at TIMESTAMP NOT NULL,
      finished_at TIMESTAMP,
      duration_ms BIGINT,
      host_token VARCHAR NOT NULL,
      pid INTEGER NOT NULL,
      models_total INTEGER NOT NULL DEFAULT 0,
      models_built INTEGER NOT NULL DEFAULT 0,
      models_failed INTEGER NOT NULL DEFAULT 0,
      models_skipped INTEGER NOT NULL DEFAULT 0,
      models_unchanged INTEGER NOT NULL DEFAULT 0,
      message VARCHAR,
      warnings JSON,
      error JSON
    );
    CREATE TABLE _ingot.run_models (
      run_id BIGINT NOT NULL,
      model VARCHAR NOT NULL,
      layer VARCHAR NOT NULL,
      materialization VARCHAR NOT NULL,
      action VARCHAR NOT NULL,
      reason VARCHAR,
      status VARCHAR NOT NULL,
      published BOOLEAN NOT NULL DEFAULT false,
      attempts INTEGER NOT NULL DEFAULT 0,
      rows_in BIGINT,
      rows_out BIGINT,
      bytes BIGINT,
      started_at TIMESTAMP,
      finished_at TIMESTAMP,
      duration_ms BIGINT,
      fingerprint VARCHAR,
      error_code VARCHAR,
      error_message VARCHAR,
      error_hint VARCHAR,
      error_line INTEGER,
      error_column INTEGER,
      error_position INTEGER,
      quality_outcome VARCHAR,
      quarantined BIGINT,
      checks JSON,
      PRIMARY KEY (run_id, model)
    );
  `,
};
