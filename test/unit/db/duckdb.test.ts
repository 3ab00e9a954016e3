// The DuckDB driver on a real database file: queries, transactions, cancellation, progress, locks.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import { migrate } from '../../../src/engine/db/migrations/index.js';
import { IngotError } from '../../../src/shared/errors.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { holdDatabase } from '../../helpers/lock-holder.js';

describe('duckdb driver', () => {
  it('runs queries with parameters and returns plain rows', async () => {
    const db = await openDatabase(join(await tempDir(), 'a.duckdb'));
    const rows = await db.withConnection((c) => c.all('SELECT ?::INTEGER + 1 AS n, $1::VARCHAR AS s', [41]));
    expect(rows).toEqual([{ n: 42, s: '41' }]);
    db.close();
  });

  it('rolls back a failed transaction completely', async () => {
    const db = await openDatabase(join(await tempDir(), 'a.duckdb'));
    await db.withConnection(async (c) => {
      await c.run('CREATE TABLE t (x INTEGER)');
      await expect(
        c.transaction(async (tx) => {
          await tx.run('INSERT INTO t VALUES (1)');
          await tx.run('INSERT INTO t VALUES (\'not a number\')');
        }),
      ).rejects.toThrow(IngotError);
      expect(await c.all('SELECT count(*) AS n FROM t')).toEqual([{ n: 0 }]);
    });
    db.close();
  });

  it('locates syntax errors by line and column', async () => {
    const db = await openDatabase(':memory:');
    const err = await db.withConnection((c) => c.run('SELECT 1\nFORM t')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngotError);
    const e = err as IngotError;
    expect(e.code).toBe('SQL_ERROR');
    expect(e.detail?.line).toBe(2);
    expect(e.detail?.column).toBe(6); // 'FORM' reads as an alias; DuckDB stops at t
    db.close();
  });

  it('cancels a long statement, reports progress, and keeps the database usable', async () => {
    const db = await openDatabase(join(await tempDir(), 'a.duckdb'));
    const conn = await db.connect();
    await conn.run('CREATE TABLE keep AS SELECT 1 AS x');
    const controller = new AbortController();
    const seen: number[] = [];
    const running = conn.run(
      'CREATE TABLE big AS SELECT sum(a.range * b.range) AS s FROM range(100000) a, range(20000) b',
      undefined,
      { signal: controller.signal, onProgress: (p) => seen.push(p.percentage), progressIntervalMs: 20 },
    );
    setTimeout(() => controller.abort(), 400);
    const err = await running.catch((e: unknown) => e);
    expect((err as IngotError).code).toBe('CANCELLED');
    expect(seen.length).toBeGreaterThan(0);
    expect(await conn.all("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'big'")).toEqual([{ n: 0 }]);
    expect(await conn.all('SELECT x FROM keep')).toEqual([{ x: 1 }]);
    conn.close();
    db.close();
  });

  it('cancels a statement aborted before DuckDB has begun it', async () => {
    const db = await openDatabase(':memory:');
    const conn = await db.connect();
    for (let i = 0; i < 3; i++) {
      const controller = new AbortController();
      // Runs for many seconds unless the abort, sent before DuckDB's thread picks the statement up, stops it.
      const running = conn.run('SELECT sum(a.range * b.range) AS s FROM range(300000) a, range(20000) b', undefined, { signal: controller.signal });
      controller.abort();
      expect(((await running.catch((e: unknown) => e)) as IngotError).code).toBe('CANCELLED');
    }
    expect(await conn.all('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    conn.close();
    db.close();
  });

  it('applies migrations once', async () => {
    const db = await openDatabase(join(await tempDir(), 'a.duckdb'));
    await db.withConnection(async (c) => {
      expect((await migrate(c)).length).toBeGreaterThan(0);
      expect(await migrate(c)).toEqual([]);
      const schemas = (await c.all<{ schema_name: string }>('SELECT schema_name FROM information_schema.schemata')).map((r) => r.schema_name);
      expect(schemas).toEqual(expect.arrayContaining(['bronze', 'silver', 'gold', 'quarantine', '_ingot']));
    });
    db.close();
  });

  it('names the process that holds the write lock', async () => {
    const path = join(await tempDir(), 'locked.duckdb');
    const holder = await holdDatabase(path);
    try {
      const err = await openDatabase(path).catch((e: unknown) => e);
      expect((err as IngotError).code).toBe('WORKSPACE_LOCKED');
      expect((err as IngotError).message).toContain(`PID ${holder.pid}`);
    } finally {
      holder.release();
    }
  });
});
