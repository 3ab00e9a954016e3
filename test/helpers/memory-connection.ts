// One in-memory DuckDB connection for a test file: opened before its tests, closed after them.
import { afterAll, beforeAll } from 'vitest';
import type { Database, SqlConnection } from '../../src/engine/db/connection.js';
import { openDatabase } from '../../src/engine/db/duckdb.js';

/** Registers the hooks; call the returned function inside a test to get the connection. */
export function useMemoryConnection(): () => SqlConnection {
  let db: Database | undefined;
  let conn: SqlConnection | undefined;
  beforeAll(async () => {
    db = await openDatabase(':memory:');
    conn = await db.connect();
  });
  afterAll(() => {
    conn?.close();
    db?.close();
  });
  return () => {
    if (!conn) throw new Error('the in-memory connection is only open while the tests of its file run');
    return conn;
  };
}
