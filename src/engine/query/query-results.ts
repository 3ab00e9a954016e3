// Results of the SQL editor's queries, kept so that a grid can page through them: each query runs
// once, into a temporary table of one dedicated connection, inside a READ ONLY transaction (so it
// still cannot change the workspace), and every page and the row count come from that copy.
// Paging by re-running the query would show other rows on each page whenever its order is not
// fixed (a GROUP BY without ORDER BY, a sample), and would pay for the query again per page.
import { IngotError } from '../../shared/errors.js';
import type { ArrowResult, Database, SqlConnection } from '../db/connection.js';
import { ident, literal } from '../db/sql.js';
import { triesToWrite } from './read-only.js';
import { relocate } from './relocate-error.js';
import { checkStatements } from './statements.js';

/** Rows kept of one result; more are dropped and the result says it was cut. */
export const MAX_RESULT_ROWS = 5_000_000;
/** Results kept at once; starting another drops the oldest. */
export const RESULTS_KEPT = 4;

export interface StoredResult {
  resultId: number;
  columns: { name: string; type: string }[];
  rowCount: number;
  /** The query returned more than `MAX_RESULT_ROWS` rows; the rest were not kept. */
  truncated: boolean;
}

export class QueryResults {
  private conn: Promise<SqlConnection> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private lastId = 0;
  private readonly kept: number[] = [];
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly maxRows = MAX_RESULT_ROWS,
  ) {}

  /** Runs `sql` (one read-only query) and keeps its rows. */
  run(sql: string, signal?: AbortSignal): Promise<StoredResult> {
    return this.exclusive(async (conn) => {
      const types = await checkStatements(conn, sql, false);
      if (types.length !== 1 || types[0] !== 'SELECT') throw notKeepable(sql, types);
      const resultId = ++this.lastId;
      const table = tableOf(resultId);
      const create = `CREATE TEMP TABLE ${table} AS SELECT * FROM query(${literal(sql)}) LIMIT ${this.maxRows + 1}`;
      await conn.run('BEGIN TRANSACTION READ ONLY');
      try {
        await conn.run(create, undefined, signal ? { signal } : {});
        await conn.run('COMMIT');
      } catch (err) {
        await conn.run('ROLLBACK').catch(() => undefined);
        if (err instanceof IngotError && /Expected a single SELECT statement/.test(err.message)) throw notKeepable(sql, types);
        throw readOnlyError(relocate(err, create, sql), sql);
      }
      this.kept.push(resultId);
      while (this.kept.length > RESULTS_KEPT) await conn.run(`DROP TABLE IF EXISTS ${tableOf(this.kept.shift() as number)}`);
      const count = Number((await conn.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0);
      const columns = (await conn.describe(`SELECT * FROM ${table}`)).map((c) => ({ name: c.name, type: c.type }));
      return { resultId, columns, rowCount: Math.min(count, this.maxRows), truncated: count > this.maxRows };
    });
  }

  /** Rows `offset` to `offset + limit` of a kept result, in the query's order. */
  page(resultId: number, offset: number, limit: number, signal?: AbortSignal): Promise<ArrowResult> {
    return this.exclusive(async (conn) => {
      if (!this.kept.includes(resultId)) {
        throw new IngotError('NOT_FOUND', 'This result is no longer kept: newer queries replaced it.', { hint: 'Run the query again.', detail: { field: 'resultId' } });
      }
      const end = Math.min(offset + limit, this.maxRows);
      const rows = Math.max(0, end - offset);
      return conn.arrow(`SELECT * FROM ${tableOf(resultId)} ORDER BY rowid LIMIT ${rows} OFFSET ${offset}`, undefined, signal ? { signal } : {});
    });
  }

  close(): void {
    this.closed = true;
    void this.conn?.then((c) => c.close(), () => undefined);
  }

  /** One thing at a time on the dedicated connection (its temporary tables are its own). */
  private exclusive<T>(work: (conn: SqlConnection) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      if (this.closed) throw new IngotError('INTERNAL', 'The workspace is closing.');
      this.conn ??= this.db.connect();
      return work(await this.conn);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Why a statement's output (EXPLAIN, PRAGMA, several statements) cannot be kept for paging. */
export const NOT_KEEPABLE = 'not-keepable';

function notKeepable(sql: string, types: readonly string[]): IngotError {
  return new IngotError('INVALID_INPUT', `The output of ${types.join(', ')} is not kept for paging; run it as a plain query.`, {
    hint: 'Its rows come back at once, up to a limit (the SQL screen does this by itself).',
    detail: { sql, reason: NOT_KEEPABLE },
  });
}

function tableOf(resultId: number): string {
  return `temp.main.${ident(`result_${resultId}`)}`;
}

/** A query that tries to change the workspace fails in the READ ONLY transaction: say so plainly. */
function readOnlyError(err: unknown, sql: string): unknown {
  if (!(err instanceof IngotError) || !/read-only|read only/i.test(err.message)) return err;
  return triesToWrite(sql, err);
}
