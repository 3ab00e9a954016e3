// Migration 013: the date and timestamp formats each file was read with (CSV/TSV; NULL for other
// formats and files read before). Later files of a source keep the format its first files were
// read with, instead of DuckDB sniffing each file on its own.
import type { Migration } from './index.js';

export const readDateFormats: Migration = {
  version: 13,
  name: 'date formats files were read with',
  up: `
    ALTER TABLE _ingot.batch_files ADD COLUMN date_format VARCHAR;
    ALTER TABLE _ingot.batch_files ADD COLUMN timestamp_format VARCHAR;
  `,
};
