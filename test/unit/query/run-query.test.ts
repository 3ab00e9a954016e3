// Running a user's SQL: one read-only statement by default, paging, errors located in the user's
// own text, cancellation, and writes only when explicitly allowed.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import type { Database, SqlConnection } from '../../../src/engine/db/connection.js';
import { countQueryRows, runQuery } from '../../../src/engine/query/run-query.js';
import { IngotError } from '../../../src/shared/errors.js';
import { tempDir } from '../../helpers/temp-dir.js';

let db: Database;
let conn: SqlConnection;

beforeEach(async () => {
  db = await openDatabase(join(await tempDir(), 'q.duckdb'), { threads: 1 });
  conn = await db.connect();
  await conn.run(`CREATE SCHEMA gold; CREATE TABLE gold.sales AS SELECT range AS id, 'item ' || range AS item FROM range(50)`);
});

afterEach(() => {
  conn.close();
  db.close();
});

const ids = (ipc: Uint8Array): number[] => Array.from(tableFromIPC(ipc).getChild('id') ?? [], Number);
const errorOf = (p: Promise<unknown>): Promise<IngotError> => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as IngotError);
const salesCount = async (): Promise<unknown> => (await conn.one('SELECT count(*) AS n FROM gold.sales'))?.n;

describe('runQuery', () => {
  it('returns a query result as Arrow with its columns and statement type', async () => {
    const result = await runQuery(conn, 'SELECT id, item FROM gold.sales WHERE id < 3 ORDER BY id');
    expect(result.statementType).toBe('SELECT');
    expect(result.rowCount).toBe(3);
    expect(result.columns).toEqual([{ name: 'id', type: 'BIGINT' }, { name: 'item', type: 'VARCHAR' }]);
    expect(ids(result.ipc)).toEqual([0, 1, 2]);
  });

  it('pages with limit and offset, even with a trailing semicolon and comment', async () => {
    const result = await runQuery(conn, 'SELECT id FROM gold.sales ORDER BY id; -- the window comes from Ingot', { limit: 5, offset: 10 });
    expect(ids(result.ipc)).toEqual([10, 11, 12, 13, 14]);
    const tail = await runQuery(conn, 'FROM gold.sales ORDER BY id DESC -- FROM-first syntax', { limit: 2 });
    expect(ids(tail.ipc)).toEqual([49, 48]);
  });

  it('runs DESCRIBE, SHOW, SUMMARIZE, PRAGMA and EXPLAIN as read-only queries', async () => {
    for (const sql of ['DESCRIBE gold.sales', 'SHOW ALL TABLES', 'SUMMARIZE gold.sales', "PRAGMA table_info('gold.sales')", 'EXPLAIN SELECT * FROM gold.sales']) {
      const result = await runQuery(conn, sql, { limit: 100 });
      expect(result.rowCount, sql).toBeGreaterThan(0);
    }
  });

  it('refuses several statements and statements that write, leaving data alone', async () => {
    const multi = await errorOf(runQuery(conn, 'SELECT 1; DELETE FROM gold.sales'));
    expect(multi.code).toBe('INVALID_INPUT');
    expect(multi.message).toContain('2 statements');
    for (const sql of ['DELETE FROM gold.sales', 'CREATE TABLE gold.x (a INT)', "COPY gold.sales TO '/tmp/never.csv'", 'SET threads = 1', 'DROP TABLE gold.sales', 'CHECKPOINT']) {
      const err = await errorOf(runQuery(conn, sql));
      expect(err.code, sql).toBe('INVALID_INPUT');
      expect(err.hint, sql).toContain('--write');
    }
    expect(await salesCount()).toBe(50);
    expect((await errorOf(runQuery(conn, "INSERT INTO gold.sales VALUES (99, 'x')"))).message).toMatch(/^An INSERT statement changes/);
    expect((await errorOf(runQuery(conn, 'DELETE FROM gold.sales'))).message).toMatch(/^A DELETE statement changes/);
  });

  it('names a refused statement as the user wrote it, with the right article', async () => {
    const refusals: [string, RegExp][] = [
      ['INSTALL httpfs', /^An INSTALL statement changes/],
      ['CHECKPOINT', /^A CHECKPOINT statement changes/],
      ['FORCE CHECKPOINT', /^A FORCE CHECKPOINT statement changes/],
      ['UPDATE EXTENSIONS', /^An UPDATE EXTENSIONS statement changes/],
      ['USE gold', /^A USE statement changes/],
      ["ATTACH ':memory:' AS other", /^An ATTACH statement changes/],
      ['UPDATE gold.sales SET item = NULL', /^An UPDATE statement changes/],
      ["/* a comment */ -- and another\n  insert into gold.sales values (99, 'x')", /^An INSERT statement changes/],
      ['EXPORT DATABASE \'/tmp/never\'', /^An EXPORT statement changes/],
      ['MERGE INTO gold.sales USING gold.sales s ON true WHEN MATCHED THEN DELETE', /^A MERGE statement changes/],
    ];
    for (const [sql, message] of refusals) {
      const err = await errorOf(runQuery(conn, sql));
      expect(err.code, sql).toBe('INVALID_INPUT');
      expect(err.message, sql).toMatch(message);
    }
    expect(await salesCount()).toBe(50);
  });

  it('refuses a write as a write even when it would not bind', async () => {
    for (const [sql, message] of [
      ["INSERT INTO gold.sales VALUES (99, 'x', 'y', 'z')", /^An INSERT statement changes/],
      ['UPDATE gold.sales SET nope = 1', /^An UPDATE statement changes/],
      ['DELETE FROM gold.nope', /^A DELETE statement changes/],
      ['DROP TABLE gold.nope', /^A DROP statement changes/],
      ["WITH x AS (SELECT 1) INSERT INTO gold.sales SELECT 1, 'a', 'b'", /^This statement changes/],
      ['INSERT INTO gold.nope VALUES (1); SELECT 1', /holds 2 statements/],
    ] as const) {
      const err = await errorOf(runQuery(conn, sql));
      expect(err.code, sql).toBe('INVALID_INPUT');
      expect(err.message, sql).toMatch(message);
    }
    // A query that does not bind keeps its own error.
    for (const sql of ['SELECT * FROM gold.nope', 'EXPLAIN SELECT * FROM gold.nope', "PRAGMA table_info('gold.nope')", "CALL pragma_table_info('gold.nope')"]) {
      expect((await errorOf(runQuery(conn, sql))).code, sql).toBe('SQL_ERROR');
    }
    expect(await salesCount()).toBe(50);
  });

  it('runs CALLs of table functions that only read, and refuses other CALLs', async () => {
    for (const sql of ['CALL pragma_database_size()', 'call duckdb_tables();', "CALL pragma_table_info('gold.sales')", 'CALL main.pragma_version()']) {
      const result = await runQuery(conn, sql, { limit: 100 });
      expect(result.statementType, sql).toBe('CALL');
      expect(result.rowCount, sql).toBeGreaterThan(0);
    }
    for (const [sql, message] of [
      ['CALL checkpoint()', /^CALL checkpoint\(…\) runs a function that may change/],
      ["CALL read_csv('/tmp/nope-never.csv')", /^CALL read_csv\(…\) runs a function that may change/],
      ['CALL system.main.duckdb_tables()', /^CALL system\.main\.duckdb_tables\(…\)/],
    ] as const) {
      const err = await errorOf(runQuery(conn, sql));
      expect(err.code, sql).toBe('INVALID_INPUT');
      expect(err.message, sql).toMatch(message);
    }
  });

  it('explains that a PIVOT needs its values listed, and runs it when they are', async () => {
    const err = await errorOf(runQuery(conn, 'PIVOT gold.sales ON item USING count(*)'));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('PIVOT without an IN list');
    const result = await runQuery(conn, "PIVOT gold.sales ON item IN ('item 1', 'item 2') USING count(*)");
    expect(result.columns.map((c) => c.name)).toEqual(['id', 'item 1', 'item 2']);
  });

  it('blocks a write hidden inside a read-only statement type', async () => {
    const err = await errorOf(runQuery(conn, `EXPLAIN ANALYZE INSERT INTO gold.sales VALUES (99, 'sneaky')`));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('read-only');
    expect(await salesCount()).toBe(50);
  });

  it('runs scripts that change data when writing is allowed', async () => {
    const result = await runQuery(conn, `CREATE TABLE gold.extra AS SELECT 1 AS id; INSERT INTO gold.extra VALUES (2); SELECT id FROM gold.extra ORDER BY id`, { allowWrite: true });
    expect(ids(result.ipc)).toEqual([1, 2]);
    await runQuery(conn, 'DELETE FROM gold.sales WHERE id >= 40', { allowWrite: true });
    expect(await salesCount()).toBe(10 * 4);
  });

  it('locates errors in the SQL the user wrote, also when paging', async () => {
    const err = await errorOf(runQuery(conn, 'SELECT id,\n  itme\nFROM gold.sales', { limit: 10 }));
    expect(err.code).toBe('SQL_ERROR');
    expect(err.detail).toMatchObject({ line: 2, column: 3, sql: 'SELECT id,\n  itme\nFROM gold.sales' });
    const sql = `SELECT id,\n  (CASE WHEN id = 40 THEN 'x' ELSE '1' END)::INTEGER AS n FROM gold.sales`;
    const runtime = await errorOf(runQuery(conn, sql, { limit: 100 }));
    expect(runtime.message).toContain('Conversion Error');
    expect(runtime.message).toMatch(/\(line 2, column \d+\)$/);
    expect(runtime.detail).toMatchObject({ sql, line: 2 });
    const missing = await errorOf(runQuery(conn, 'SELECT * FROM gold.nope'));
    expect(missing.code).toBe('SQL_ERROR');
    expect(missing.hint).toContain('ingot tables');
    const syntax = await errorOf(runQuery(conn, 'SELEC 1'));
    expect(syntax.message).toBe('Parser Error: syntax error at or near "SELEC" (line 1, column 1)');
  });

  it('refuses empty SQL and a bad window', async () => {
    expect((await errorOf(runQuery(conn, '  -- nothing here\n'))).code).toBe('INVALID_INPUT');
    expect((await errorOf(runQuery(conn, 'SELECT 1', { limit: -1 }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(runQuery(conn, 'SELECT 1', { offset: 1.5 }))).code).toBe('INVALID_INPUT');
  });

  it('cancels a long query and leaves the connection ready for the next one', async () => {
    const controller = new AbortController();
    const running = runQuery(conn, 'SELECT sum(a.range * b.range) FROM range(100000) a, range(50000) b', { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    expect((await errorOf(running)).code).toBe('CANCELLED');
    expect(ids((await runQuery(conn, 'SELECT 7 AS id')).ipc)).toEqual([7]);
    await conn.transaction(async (tx) => tx.run('INSERT INTO gold.sales VALUES (50, $1)', ['after cancel']));
    expect(await salesCount()).toBe(51);
  });

  it('counts the rows a query returns', async () => {
    expect(await countQueryRows(conn, 'SELECT * FROM gold.sales WHERE id % 2 = 0;')).toBe(25);
  });
});
