// Migration 031: quarantine bookkeeping. One row per run that moved rows of a table into
// quarantine.<layer>_<model> (how many, and how many released rows it re-processed), so the
// history says where every quarantined row came from. The rows themselves live in the
// quarantine schema, each with _run_id, _failed_checks, _quarantined_at, _released_at and
// _reprocessed_run_id.
import type { Migration } from './index.js';

export const quarantineLog: Migration = {
  version: 31,
  name: 'quarantine bookkeeping',
  up: `
    CREATE TABLE _ingot.quarantine_log (
      run_id BIGINT NOT NULL,
      layer VARCHAR NOT NULL,
      model VARCHAR NOT NULL,
      quarantine_table VARCHAR NOT NULL,
      quarantined BIGINT NOT NULL,
      superseded BIGINT NOT NULL DEFAULT 0,
      reprocessed BIGINT NOT NULL DEFAULT 0,
      logged_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      PRIMARY KEY (run_id, layer, model)
    );
  `,
};
