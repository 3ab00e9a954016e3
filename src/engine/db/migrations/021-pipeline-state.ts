// Migration 021: what the pipeline remembers between runs. model_state holds, per published
// model, the fingerprint parts (SQL, config, input versions) that change detection compares and
// the version (run id) downstream models watermark against; schedule_state holds when each
// schedule last fired, for the missed-run policy.
import type { Migration } from './index.js';

export const pipelineState: Migration = {
  version: 21,
  name: 'pipeline model and schedule state',
  up: `
    CREATE TABLE _ingot.model_state (
      model VARCHAR PRIMARY KEY,
      layer VARCHAR NOT NULL,
      name VARCHAR NOT NULL,
      materialization VARCHAR NOT NULL,
      fingerprint VARCHAR NOT NULL,
      sql_hash VARCHAR NOT NULL,
      config_hash VARCHAR NOT NULL,
      inputs JSON NOT NULL,
      version BIGINT NOT NULL,
      full_version BIGINT NOT NULL,
      change_log_since BIGINT,
      row_count BIGINT,
      built_at TIMESTAMP NOT NULL
    );
    CREATE TABLE _ingot.schedule_state (
      name VARCHAR PRIMARY KEY,
      last_fired_at TIMESTAMP NOT NULL,
      last_run_id BIGINT,
      last_outcome VARCHAR
    );
  `,
};
