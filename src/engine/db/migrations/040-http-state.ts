// Migration 040: the state of each HTTP source between loads: its incremental cursor (the text
// the next load sends the API, e.g. the newest updated_at loaded so far) and the fetch run that
// produced the last committed batch. Written inside the batch's transaction, so a failed load
// never moves the cursor.
import type { Migration } from './index.js';

export const httpState: Migration = {
  version: 40,
  name: 'http source cursors',
  up: `
    CREATE TABLE _ingot.http_state (
      source VARCHAR NOT NULL,
      cursor_field VARCHAR,
      cursor_value VARCHAR,
      batch_id BIGINT,
      run_id VARCHAR NOT NULL,
      updated_at TIMESTAMP NOT NULL
    );
  `,
};
