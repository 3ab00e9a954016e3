// Migration 030: quality check history. check_runs holds one row per checked table per run
// (outcome, rows checked, quarantined and released rows, quality score, the one-pass SQL);
// check_results one row per check (status, failing rows, samples, SQL). `mode` says who ran it:
// the pipeline gate, `ingot check` on published tables, or ingest (schema drift).
import type { Migration } from './index.js';

export const qualityResults: Migration = {
  version: 30,
  name: 'quality check results',
  up: `
    CREATE SEQUENCE _ingot.check_run_seq START 1;
    CREATE TABLE _ingot.check_runs (
      run_id BIGINT NOT NULL,
      mode VARCHAR NOT NULL,
      layer VARCHAR NOT NULL,
      model VARCHAR NOT NULL,
      outcome VARCHAR NOT NULL,
      rows_checked BIGINT NOT NULL,
      quarantined BIGINT NOT NULL DEFAULT 0,
      released BIGINT NOT NULL DEFAULT 0,
      score DOUBLE,
      file VARCHAR,
      sql VARCHAR,
      checked_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      PRIMARY KEY (run_id, mode, layer, model)
    );
    CREATE TABLE _ingot.check_results (
      run_id BIGINT NOT NULL,
      mode VARCHAR NOT NULL,
      layer VARCHAR NOT NULL,
      model VARCHAR NOT NULL,
      check_name VARCHAR NOT NULL,
      position INTEGER NOT NULL,
      kind VARCHAR NOT NULL,
      severity VARCHAR NOT NULL,
      status VARCHAR NOT NULL,
      failing_rows BIGINT NOT NULL,
      total_rows BIGINT NOT NULL,
      message VARCHAR NOT NULL,
      samples JSON NOT NULL,
      sql VARCHAR NOT NULL,
      details JSON,
      line INTEGER,
      checked_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      PRIMARY KEY (run_id, mode, layer, model, check_name)
    );
  `,
};
