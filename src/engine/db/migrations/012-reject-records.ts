// Migration 012: a reject's `line` is the file line where the rejected record starts, which is
// not its record number once a quoted value spans lines; `record` keeps the data record number
// that row numbering needs (NULL in rejects stored before: their line minus the file's line offset).
import type { Migration } from './index.js';

export const rejectRecords: Migration = {
  version: 12,
  name: 'record numbers of rejects',
  up: `ALTER TABLE _ingot.rejects ADD COLUMN record BIGINT;`,
};
