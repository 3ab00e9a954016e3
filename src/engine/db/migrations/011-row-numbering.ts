// Migration 011: file loads number their bronze rows right after the load commits (see
// ingest/row-numbers.ts), so the ledger remembers which batch files still await their row
// numbers and the line offset (header and skipped lines) that maps rejected lines to records.
import type { Migration } from './index.js';

export const rowNumbering: Migration = {
  version: 11,
  name: 'row numbering after commit',
  up: `
    ALTER TABLE _ingot.batch_files ADD COLUMN rows_numbered BOOLEAN DEFAULT true;
    ALTER TABLE _ingot.batch_files ADD COLUMN line_offset INTEGER;
  `,
};
