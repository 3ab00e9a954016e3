// Exporting a query's rows through DuckDB COPY: every format round-trips, the target file is
// replaced only by a complete export, and only one read-only query may be exported.
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import type { Database, SqlConnection } from '../../../src/engine/db/connection.js';
import { literal } from '../../../src/engine/db/sql.js';
import { exportQuery, formatForPath } from '../../../src/engine/query/export-query.js';
import { IngotError } from '../../../src/shared/errors.js';
import { tempDir } from '../../helpers/temp-dir.js';

let db: Database;
let conn: SqlConnection;
let dir: string;

const QUERY = `SELECT id, 'it''s item ' || id AS name, (id * 1.25)::DECIMAL(10,2) AS price, DATE '2024-01-01' + id::INTEGER AS day,
  CASE WHEN id = 2 THEN NULL ELSE [id, id + 1] END AS tags FROM gold.items ORDER BY id`;

beforeEach(async () => {
  dir = await tempDir();
  db = await openDatabase(join(dir, 'e.duckdb'), { threads: 1 });
  conn = await db.connect();
  await conn.run('CREATE SCHEMA gold; CREATE TABLE gold.items AS SELECT range AS id FROM range(5)');
});

afterEach(() => {
  conn.close();
  db.close();
});

describe('exportQuery', () => {
  it('writes CSV, JSON and Parquet that read back as the same rows', async () => {
    const expected = await conn.all(`SELECT id, name, price::VARCHAR AS price, day::VARCHAR AS day FROM (${QUERY})`);
    const readers = { csv: 'read_csv', json: 'read_json', parquet: 'read_parquet' } as const;
    for (const format of ['csv', 'json', 'parquet'] as const) {
      const out = join(dir, `items it's.${format}`);
      const result = await exportQuery(conn, QUERY, format, out);
      expect(result).toMatchObject({ path: out, format, rowCount: 5 });
      expect(result.bytes).toBeGreaterThan(0);
      const back = await conn.all(`SELECT id::BIGINT AS id, name, price::DECIMAL(10,2)::VARCHAR AS price, day::DATE::VARCHAR AS day FROM ${readers[format]}(${literal(out)}) ORDER BY id`);
      expect(back, format).toEqual(expected);
    }
    expect((await readFile(join(dir, "items it's.json"), 'utf8')).trimStart().startsWith('[')).toBe(true);
    expect((await readFile(join(dir, "items it's.csv"), 'utf8')).split('\n')[0]).toBe('id,name,price,day,tags');
  });

  it('leaves an existing file untouched when the export fails, and no temporary file behind', async () => {
    const out = join(dir, 'keep.csv');
    await writeFile(out, 'previous export\n');
    const err = (await exportQuery(conn, `SELECT CASE WHEN id = 4 THEN error('bad row') ELSE id END AS id FROM gold.items`, 'csv', out).catch((e: unknown) => e)) as IngotError;
    expect(err.code).toBe('SQL_ERROR');
    expect(err.message).toContain('bad row');
    expect(await readFile(out, 'utf8')).toBe('previous export\n');
    expect((await readdir(dir)).filter((f) => f.includes('ingot-tmp'))).toEqual([]);
  });

  it('exports only a single read-only query', async () => {
    for (const sql of ['DELETE FROM gold.items', 'SELECT 1; SELECT 2', 'EXPLAIN SELECT 1']) {
      const err = (await exportQuery(conn, sql, 'csv', join(dir, 'x.csv')).catch((e: unknown) => e)) as IngotError;
      expect(err.code, sql).toBe('INVALID_INPUT');
    }
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
    expect((await conn.one('SELECT count(*) AS n FROM gold.items'))?.n).toBe(5);
  });

  it('points a failing row at the position in the query the user wrote', async () => {
    const sql = `SELECT id,\n  (CASE WHEN id = 3 THEN 'x' ELSE '1' END)::INTEGER AS n FROM gold.items`;
    const err = (await exportQuery(conn, sql, 'parquet', join(dir, 'n.parquet')).catch((e: unknown) => e)) as IngotError;
    expect(err.detail).toMatchObject({ sql, line: 2 });
  });

  it('names a missing output folder', async () => {
    const err = (await exportQuery(conn, 'SELECT 1', 'parquet', join(dir, 'no', 'such', 'x.parquet')).catch((e: unknown) => e)) as IngotError;
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain(join(dir, 'no', 'such'));
  });

  it('infers the format from the file name', () => {
    expect(['a.csv', 'b.JSON', 'c.parquet', 'd.pq', 'e.txt', 'f'].map(formatForPath)).toEqual(['csv', 'json', 'parquet', 'parquet', undefined, undefined]);
  });
});
