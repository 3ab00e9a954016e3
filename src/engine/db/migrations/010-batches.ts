// Migration 010: the ingest ledger. Every load of a source is a batch (one row in `batches`),
// with one row per file it read in `batch_files` (path, size, content hash, counts), and every
// row DuckDB could not parse lands in `rejects` with its file, line, column, raw line and error.
import type { Migration } from './index.js';

export const ingestBatches: Migration = {
  version: 10,
  name: 'ingest batches and rejects',
  up: `
    CREATE TABLE _ingot.batches (
      batch_id BIGINT PRIMARY KEY,
      source VARCHAR NOT NULL,
      kind VARCHAR NOT NULL,
      location VARCHAR NOT NULL,
      status VARCHAR NOT NULL,
      replace BOOLEAN NOT NULL DEFAULT false,
      file_count INTEGER NOT NULL DEFAULT 0,
      size_bytes BIGINT NOT NULL DEFAULT 0,
      content_hash VARCHAR,
      records_counted BIGINT,
      rows_loaded BIGINT NOT NULL DEFAULT 0,
      rows_rejected BIGINT NOT NULL DEFAULT 0,
      drift JSON,
      columns JSON,
      message VARCHAR,
      error JSON,
      started_at TIMESTAMP NOT NULL,
      finished_at TIMESTAMP,
      duration_ms BIGINT
    );
    CREATE TABLE _ingot.batch_files (
      batch_id BIGINT NOT NULL,
      source VARCHAR NOT NULL,
      path VARCHAR NOT NULL,
      size_bytes BIGINT NOT NULL,
      modified_at TIMESTAMP,
      content_hash VARCHAR NOT NULL,
      records_counted BIGINT,
      rows_loaded BIGINT NOT NULL,
      rows_rejected BIGINT NOT NULL,
      PRIMARY KEY (batch_id, path)
    );
    CREATE TABLE _ingot.rejects (
      batch_id BIGINT NOT NULL,
      source VARCHAR NOT NULL,
      file VARCHAR NOT NULL,
      line BIGINT,
      byte_position BIGINT,
      column_name VARCHAR,
      error_type VARCHAR,
      raw_line VARCHAR,
      error VARCHAR NOT NULL
    );
  `,
};
