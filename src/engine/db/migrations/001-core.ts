// Migration 001: the medallion layers as schemas, and a key-value table for workspace state.
import type { Migration } from './index.js';

export const core: Migration = {
  version: 1,
  name: 'layers',
  up: `
    CREATE SCHEMA IF NOT EXISTS bronze;
    CREATE SCHEMA IF NOT EXISTS silver;
    CREATE SCHEMA IF NOT EXISTS gold;
    CREATE SCHEMA IF NOT EXISTS quarantine;
    CREATE TABLE _ingot.state (key VARCHAR PRIMARY KEY, value JSON, updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp);
    CREATE SEQUENCE _ingot.batch_seq START 1;
    CREATE SEQUENCE _ingot.run_seq START 1;
  `,
};
