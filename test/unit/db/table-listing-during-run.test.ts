// The Tables listing and the table size measure while a run works: the run's working tables
// (`<layer>.__stage_<name>` and the like), created and dropped by another connection meanwhile,
// neither fail the listing nor appear in it.
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Database, SqlConnection } from '../../../src/engine/db/connection.js';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import { tableStorage } from '../../../src/engine/db/storage-bytes.js';
import { listTables } from '../../../src/engine/ingest/tables.js';
import { tempDir } from '../../helpers/temp-dir.js';

let db: Database;
let conn: SqlConnection;

beforeEach(async () => {
  db = await openDatabase(join(await tempDir('ingot-table-listing-'), 'ws.duckdb'), { threads: 2 });
  conn = await db.connect();
  await conn.run('CREATE SCHEMA silver');
  await conn.run('CREATE TABLE silver.orders AS SELECT range AS id FROM range(1000)');
  await conn.run('CHECKPOINT');
});
afterEach(() => db.close());

it('does not list a run’s working tables', async () => {
  await conn.run('CREATE TABLE silver.__stage_orders AS SELECT range AS id FROM range(10)');
  await conn.run('CREATE TABLE silver.__affected_orders AS SELECT range AS id FROM range(10)');
  expect((await listTables(conn)).map((t) => `${t.layer}.${t.name}`)).toEqual(['silver.orders']);
  expect((await tableStorage(conn)).map((t) => `${t.schema}.${t.table}`)).toEqual(['silver.orders']);
});

it('lists and measures tables while another connection creates and drops working tables', async () => {
  const run = await db.connect();
  let stop = false;
  const churn = (async () => {
    for (let i = 0; !stop; i++) {
      await run.run(`CREATE OR REPLACE TABLE silver.__stage_x${i % 3} AS SELECT range AS id FROM range(100)`);
      await run.run(`CREATE OR REPLACE TABLE silver.__old_x${i % 3} AS SELECT range AS id FROM range(10)`);
      await run.run(`DROP TABLE IF EXISTS silver.__stage_x${(i + 1) % 3}`);
      await run.run(`DROP TABLE IF EXISTS silver.__old_x${(i + 1) % 3}`);
    }
  })();
  const failures: string[] = [];
  const listed = new Set<string>();
  try {
    for (let i = 0; i < 40; i++) {
      try {
        for (const t of await listTables(conn)) listed.add(`${t.layer}.${t.name}:${t.rows}`);
        for (const t of await tableStorage(conn)) listed.add(`${t.schema}.${t.table}:${t.rows}`);
      } catch (err) {
        failures.push(err instanceof Error ? err.message : String(err));
      }
    }
  } finally {
    stop = true;
    await churn;
  }
  expect(failures).toEqual([]);
  expect([...listed]).toEqual(['silver.orders:1000']);
});
