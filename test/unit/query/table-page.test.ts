// Paging a table into the grid: windows, sorting by quoted column names, counts, and clear
// errors for a missing table or a bad window.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import type { Database, SqlConnection } from '../../../src/engine/db/connection.js';
import { tablePage, tableRowCount } from '../../../src/engine/query/table-page.js';
import { IngotError } from '../../../src/shared/errors.js';
import { tempDir } from '../../helpers/temp-dir.js';

let db: Database;
let conn: SqlConnection;

beforeEach(async () => {
  db = await openDatabase(join(await tempDir(), 'p.duckdb'), { threads: 1 });
  conn = await db.connect();
  await conn.run(`CREATE SCHEMA silver; CREATE TABLE silver."odd ""name""" AS
    SELECT range AS id, CASE WHEN range % 10 = 3 THEN NULL ELSE (range * 7) % 20 END AS "unit price" FROM range(30)`);
});

afterEach(() => {
  conn.close();
  db.close();
});

const column = (ipc: Uint8Array, name: string): (number | null)[] =>
  Array.from(tableFromIPC(ipc).getChild(name) ?? [], (v) => (v === null ? null : Number(v)));

describe('tablePage', () => {
  it('returns a window of rows in table order', async () => {
    const page = await tablePage(conn, 'silver', 'odd "name"', 10, 5);
    expect(page.rowCount).toBe(5);
    expect(column(page.ipc, 'id')).toEqual([10, 11, 12, 13, 14]);
    expect(page.columns.map((c) => c.name)).toEqual(['id', 'unit price']);
  });

  it('sorts by several columns, NULLs last, in either direction', async () => {
    const page = await tablePage(conn, 'silver', 'odd "name"', 0, 30, [{ column: 'unit price', descending: true }, { column: 'id' }]);
    const prices = column(page.ipc, 'unit price');
    const present = prices.filter((p): p is number => p !== null);
    expect(present).toEqual([...present].sort((a, b) => b - a));
    expect(prices.slice(-3)).toEqual([null, null, null]);
    expect(column(page.ipc, 'id').slice(-3)).toEqual([3, 13, 23]);
  });

  it('returns an empty page past the end', async () => {
    const page = await tablePage(conn, 'silver', 'odd "name"', 100, 10);
    expect(page.rowCount).toBe(0);
    expect(page.columns.length).toBe(2);
  });

  it('counts rows and names a missing table', async () => {
    expect(await tableRowCount(conn, 'silver', 'odd "name"')).toBe(30);
    const err = (await tablePage(conn, 'gold', 'nothing', 0, 10).catch((e: unknown) => e)) as IngotError;
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain('gold.nothing');
    expect(((await tableRowCount(conn, 'gold', 'nothing').catch((e: unknown) => e)) as IngotError).code).toBe('NOT_FOUND');
  });

  it('refuses a bad window and an unknown sort column', async () => {
    expect(((await tablePage(conn, 'silver', 'odd "name"', -1, 10).catch((e: unknown) => e)) as IngotError).code).toBe('INVALID_INPUT');
    expect(((await tablePage(conn, 'silver', 'odd "name"', 0, 2.5).catch((e: unknown) => e)) as IngotError).code).toBe('INVALID_INPUT');
    const err = (await tablePage(conn, 'silver', 'odd "name"', 0, 10, [{ column: 'price" --' }]).catch((e: unknown) => e)) as IngotError;
    expect(err.code).toBe('SQL_ERROR');
    expect(err.message).toContain('price" --');
  });
});
