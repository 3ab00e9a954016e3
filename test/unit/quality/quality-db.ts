// Test plumbing for the quality tests: a migrated workspace database in a temp folder, and a
// staged `orders` result with known mess.
import { join } from 'node:path';
import type { Database, SqlConnection } from '../../../src/engine/db/connection.js';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import { migrate } from '../../../src/engine/db/migrations/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

export interface TestDb {
  db: Database;
  conn: SqlConnection;
  close(): void;
}

/** A fresh, migrated database file with one open connection. */
export async function openTestDb(): Promise<TestDb> {
  const db = await openDatabase(join(await tempDir('ingot-quality-'), 'ws.duckdb'), { threads: 1 });
  const conn = await db.connect();
  await migrate(conn);
  return { db, conn, close: () => db.close() };
}

/**
 * silver.__stage_orders with 10 rows:
 *   id 1–6 clean; id 7 NULL customer; id 8 status 'lost'; id 9 twice (older copy is a duplicate);
 *   id 10 negative total and customer 99 who does not exist.
 */
export async function stageOrders(conn: SqlConnection, table = '"silver"."__stage_orders"'): Promise<void> {
  await conn.run(`CREATE OR REPLACE TABLE silver.customers AS SELECT range::BIGINT AS customer_id FROM range(1, 6)`);
  await conn.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM (VALUES
    (1::BIGINT, 1::BIGINT, 'placed',    10.00::DECIMAL(12,2), '2024-01-01', TIMESTAMP '2024-01-01 10:00:00'),
    (2, 2, 'paid',      20.00, '2024-01-02', TIMESTAMP '2024-01-02 10:00:00'),
    (3, 3, 'shipped',   30.00, '2024-01-03', TIMESTAMP '2024-01-03 10:00:00'),
    (4, 4, 'delivered', 40.00, '2024-01-04', TIMESTAMP '2024-01-04 10:00:00'),
    (5, 5, 'delivered', 50.00, '2024-01-05', TIMESTAMP '2024-01-05 10:00:00'),
    (6, 1, 'cancelled', 60.00, '2024-01-06', TIMESTAMP '2024-01-06 10:00:00'),
    (7, NULL, 'paid',   70.00, '2024-01-07', TIMESTAMP '2024-01-07 10:00:00'),
    (8, 2, 'lost',      80.00, '2024-13-45', TIMESTAMP '2024-01-08 10:00:00'),
    (9, 3, 'paid',      90.00, '2024-01-09', TIMESTAMP '2024-01-09 10:00:00'),
    (9, 3, 'shipped',   90.00, '2024-01-09', TIMESTAMP '2024-01-10 10:00:00'),
    (10, 99, 'paid',   -5.00, '2024-01-10', TIMESTAMP '2024-01-10 11:00:00')
  ) AS t(order_id, customer_id, status, total_amount, order_date, updated_at)`);
}

export const STATUSES = ['placed', 'paid', 'shipped', 'delivered', 'cancelled', 'returned'];
