// Holding checkpoints: while any hold lasts, commits that take the WAL past DuckDB's threshold do
// not checkpoint (a pipeline run then checkpoints once, at its end); the last release restores the
// threshold, and holds nest.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Database, SqlConnection } from '../../../src/engine/db/connection.js';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import { tempDir } from '../../helpers/temp-dir.js';

let db: Database;
let conn: SqlConnection;

beforeEach(async () => {
  db = await openDatabase(join(await tempDir('ingot-checkpoint-hold-'), 'hold.duckdb'), { threads: 2 });
  conn = await db.connect();
  await conn.run('CREATE TABLE t (i BIGINT, s VARCHAR)');
  await conn.run('CHECKPOINT');
});
afterEach(() => db.close());

const threshold = async (): Promise<unknown> => (await conn.one("SELECT current_setting('checkpoint_threshold') AS v"))?.v;
const walBytes = async (): Promise<number> => (await stat(`${db.path}.wal`).catch(() => ({ size: 0 }))).size;

/** Twenty commits of about 2 MB of WAL each: past the 16 MB threshold several times over. */
async function commitMany(): Promise<void> {
  for (let i = 0; i < 20; i++) await conn.run(`INSERT INTO t SELECT range, md5(range::VARCHAR) || md5((range + ${i})::VARCHAR) FROM range(30000)`);
}

it('keeps the WAL across commits while held, and checkpoints at the threshold again once released', async () => {
  const release = await db.holdCheckpoints();
  await commitMany();
  expect(await walBytes()).toBeGreaterThan(30 * 1024 * 1024);
  await release();
  await conn.run('CHECKPOINT');
  await commitMany();
  expect(await walBytes()).toBeLessThan(16 * 1024 * 1024);
});

it('restores the threshold when the last of nested holds is released, once per release', async () => {
  const before = await threshold();
  const outer = await db.holdCheckpoints();
  const inner = await db.holdCheckpoints();
  expect(await threshold()).not.toBe(before);
  await inner();
  await inner();
  expect(await threshold()).not.toBe(before);
  await outer();
  expect(await threshold()).toBe(before);
});

it('restores the threshold each hold found, including one set between runs', async () => {
  await conn.run("SET GLOBAL checkpoint_threshold = '64MiB'");
  const first = await db.holdCheckpoints();
  await first();
  expect(await threshold()).toBe('64.0 MiB');
  await conn.run("SET GLOBAL checkpoint_threshold = '32MiB'");
  const second = await db.holdCheckpoints();
  expect(await threshold()).not.toBe('32.0 MiB');
  await second();
  expect(await threshold()).toBe('32.0 MiB');
});

