// Migration 033: released quarantined rows. Each release (who asked, which filter, how many
// rows) is logged here; the released rows are flagged in their quarantine table and flow back
// into the model's staged result on its next run, where the checks judge them again.
import type { Migration } from './index.js';

export const quarantineReleases: Migration = {
  version: 33,
  name: 'quarantine releases',
  up: `
    CREATE SEQUENCE _ingot.release_seq START 1;
    CREATE TABLE _ingot.quarantine_releases (
      release_id BIGINT PRIMARY KEY,
      layer VARCHAR NOT NULL,
      model VARCHAR NOT NULL,
      filter VARCHAR,
      rows_released BIGINT NOT NULL,
      released_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    );
  `,
};
