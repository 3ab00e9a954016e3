// Migration 041: resumable pagination. While an HTTP source loads, every page lands in a spool file
// under .ingot/cache and the checkpoint says how much of the spool is complete and what to ask for
// next. It is written outside the batch's transaction, so a load that dies mid-pagination resumes
// from its last complete page; the batch that commits marks it used (http_state.run_id).
import type { Migration } from './index.js';

export const httpCheckpoints: Migration = {
  version: 41,
  name: 'http pagination checkpoints',
  up: `
    CREATE TABLE _ingot.http_checkpoints (
      source VARCHAR NOT NULL,
      run_id VARCHAR NOT NULL,
      fingerprint VARCHAR NOT NULL,
      spool VARCHAR NOT NULL,
      spool_bytes BIGINT NOT NULL,
      pages INTEGER NOT NULL,
      records BIGINT NOT NULL,
      bytes_received BIGINT NOT NULL,
      state JSON NOT NULL,
      started_at TIMESTAMP NOT NULL,
      updated_at TIMESTAMP NOT NULL
    );
  `,
};
