// The DuckDB driver: opens one instance per workspace and implements SqlConnection on
// @duckdb/node-api. This directory is the only place that imports the DuckDB package.
import { DuckDBInstance, StatementType, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { IngotError } from '../../shared/errors.js';
import type { ArrowResult, ColumnInfo, Database, Row, RunOptions, SqlConnection, SqlParams } from './connection.js';
import { openError, statementError } from './errors.js';
import { literal } from './sql.js';
import { encodeArrow } from './arrow-encode.js';

export interface OpenOptions {
  /** e.g. '4GB'; DuckDB's default is 80% of RAM. */
  memoryLimit?: string;
  threads?: number;
  /** Where DuckDB spills when a query exceeds memory_limit. */
  tempDirectory?: string;
  readOnly?: boolean;
}

/** Opens (creating if needed) the database file at `path`, or ':memory:'. */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Database> {
  const config: Record<string, string> = {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'true',
  };
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  if (options.threads) config.threads = String(options.threads);
  if (options.tempDirectory) config.temp_directory = options.tempDirectory;
  if (options.readOnly) config.access_mode = 'READ_ONLY';
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, config);
  } catch (err) {
    throw openError(err, path);
  }
  return new DuckDatabase(path, instance);
}

/**
 * The WAL size at which DuckDB checkpoints while checkpoints are held: a cap, so that a run writing
 * far more than usual still checkpoints. (A pipeline run on 10 M orders writes about 30 MB.)
 */
const HELD_CHECKPOINT_THRESHOLD = '1GB';
/** How often an aborted statement is interrupted again until it stops. */
const REINTERRUPT_MS = 25;

class DuckDatabase implements Database {
  private closed = false;
  private readonly open = new Set<DuckConnection>();
  private holds = 0;
  /** While the threshold is raised: the value it had before, to restore. */
  private raisedFrom: string | undefined;
  private thresholdChange: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
  ) {}

  async connect(): Promise<SqlConnection> {
    if (this.closed) throw new IngotError('INTERNAL', 'The workspace database is closed.');
    const raw = await this.instance.connect();
    // Progress is a per-connection setting; printing it would write to the terminal.
    await raw.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
    const conn = new DuckConnection(raw, () => this.open.delete(conn));
    this.open.add(conn);
    return conn;
  }

  async withConnection<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T> {
    const conn = await this.connect();
    try {
      return await fn(conn);
    } finally {
      conn.close();
    }
  }

  async checkpoint(): Promise<void> {
    await this.withConnection((c) => c.run('CHECKPOINT'));
  }

  async holdCheckpoints(): Promise<() => Promise<void>> {
    this.holds++;
    let released = false;
    const release = async (): Promise<void> => {
      if (released) return;
      released = true;
      this.holds--;
      if (!this.closed) await this.applyCheckpointThreshold();
    };
    try {
      await this.applyCheckpointThreshold();
    } catch (err) {
      await release().catch(() => undefined);
      throw err;
    }
    return release;
  }

  /**
   * Raises the threshold when holds begin (remembering the value it had then) and restores that
   * value when the last ends; one change at a time, in order. DuckDB reports the threshold rounded
   * to a tenth of its unit (16 MB, the default, comes back exactly).
   */
  private applyCheckpointThreshold(): Promise<void> {
    const next = this.thresholdChange.then(() =>
      this.withConnection(async (c) => {
        if (this.holds > 0 && this.raisedFrom === undefined) {
          this.raisedFrom = String((await c.one<{ threshold: string }>("SELECT current_setting('checkpoint_threshold') AS threshold"))?.threshold);
          await c.run(`SET GLOBAL checkpoint_threshold = ${literal(HELD_CHECKPOINT_THRESHOLD)}`);
        } else if (this.holds === 0 && this.raisedFrom !== undefined) {
          const restore = this.raisedFrom;
          this.raisedFrom = undefined;
          await c.run(`SET GLOBAL checkpoint_threshold = ${literal(restore)}`);
        }
      }),
    );
    this.thresholdChange = next.catch(() => undefined);
    return next;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const c of this.open) c.close();
    this.instance.closeSync();
  }
}

class DuckConnection implements SqlConnection {
  private depth = 0;
  private closed = false;

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly onClose: () => void,
  ) {}

  async run(sql: string, params?: SqlParams, options?: RunOptions): Promise<number> {
    return this.guard(sql, options, async () => {
      const result = await this.conn.run(sql, bind(params));
      return result.rowsChanged;
    });
  }

  async all<T extends Row = Row>(sql: string, params?: SqlParams, options?: RunOptions): Promise<T[]> {
    return this.guard(sql, options, async () => {
      const reader = await this.conn.runAndReadAll(sql, bind(params));
      return reader.getRowObjectsJS().map((r) => plainRow(r) as T);
    });
  }

  async one<T extends Row = Row>(sql: string, params?: SqlParams, options?: RunOptions): Promise<T | undefined> {
    const rows = await this.all<T>(sql, params, options);
    return rows[0];
  }

  async arrow(sql: string, params?: SqlParams, options?: RunOptions): Promise<ArrowResult> {
    return this.guard(sql, options, async () => {
      const result = await this.conn.run(sql, bind(params));
      return encodeArrow(result);
    });
  }

  async describe(sql: string, params?: SqlParams): Promise<ColumnInfo[]> {
    return this.guard(sql, undefined, async () => {
      const prepared = await this.conn.prepare(sql);
      if (params) prepared.bind(bind(params) as DuckDBValue[]);
      const n = prepared.columnCount;
      const cols: ColumnInfo[] = [];
      for (let i = 0; i < n; i++) cols.push({ name: prepared.columnName(i), type: prepared.columnType(i).toString() });
      return cols;
    });
  }

  async statementTypes(sql: string): Promise<string[]> {
    return this.guard(sql, undefined, async () => {
      let extracted;
      try {
        extracted = await this.conn.extractStatements(sql);
      } catch (err) {
        // Only whitespace, comments or semicolons: the parser finds no statement and reports no error.
        if (err instanceof Error && err.message.endsWith('Error in native callback')) return [];
        throw err;
      }
      const types: string[] = [];
      for (let i = 0; i < extracted.count; i++) {
        try {
          const prepared = await extracted.prepare(i);
          types.push(StatementType[prepared.statementType] ?? 'UNKNOWN');
        } catch (err) {
          if (i === 0) throw err;
          types.push('UNKNOWN');
        }
      }
      return types;
    });
  }

  async statementCount(sql: string): Promise<number> {
    return this.guard(sql, undefined, async () => {
      try {
        return (await this.conn.extractStatements(sql)).count;
      } catch (err) {
        if (err instanceof Error && err.message.endsWith('Error in native callback')) return 0;
        throw err;
      }
    });
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  async transaction<T>(fn: (tx: SqlConnection) => Promise<T>): Promise<T> {
    if (this.depth > 0) {
      this.depth++;
      try {
        return await fn(this);
      } finally {
        this.depth--;
      }
    }
    await this.run('BEGIN TRANSACTION');
    this.depth = 1;
    try {
      const value = await fn(this);
      await this.run('COMMIT');
      return value;
    } catch (err) {
      try {
        await this.conn.run('ROLLBACK');
      } catch {
        // The transaction may already be aborted by DuckDB; nothing more to undo.
      }
      throw err;
    } finally {
      this.depth = 0;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.conn.closeSync();
    this.onClose();
  }

  /** Runs `work`, wiring cancellation and progress polling, and maps DuckDB errors. */
  private async guard<T>(sql: string, options: RunOptions | undefined, work: () => Promise<T>): Promise<T> {
    if (this.closed) throw new IngotError('INTERNAL', 'This database connection is closed.');
    const signal = options?.signal;
    if (signal?.aborted) throw new IngotError('CANCELLED', 'Cancelled before it started; nothing was changed.');
    // DuckDB forgets an interrupt that lands before its worker thread has begun the statement, so
    // once aborted the statement is interrupted again every few milliseconds until it settles.
    let reinterrupt: ReturnType<typeof setInterval> | undefined;
    const onAbort = (): void => {
      this.conn.interrupt();
      reinterrupt ??= setInterval(() => this.conn.interrupt(), REINTERRUPT_MS);
    };
    signal?.addEventListener('abort', onAbort);
    let timer: ReturnType<typeof setInterval> | undefined;
    if (options?.onProgress) {
      const report = options.onProgress;
      timer = setInterval(() => {
        const p = this.conn.progress;
        report({ percentage: p.percentage, rowsProcessed: Number(p.rows_processed), totalRows: Number(p.total_rows_to_process) });
      }, options.progressIntervalMs ?? 200);
    }
    try {
      return await work();
    } catch (err) {
      if (err instanceof IngotError) throw err;
      throw statementError(err, sql, signal?.aborted === true);
    } finally {
      if (timer) clearInterval(timer);
      if (reinterrupt) clearInterval(reinterrupt);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** Binds JS values: numbers that are integers go as BIGINT-compatible values, Dates as timestamps. */
function bind(params: SqlParams | undefined): DuckDBValue[] | Record<string, DuckDBValue> | undefined {
  if (params === undefined) return undefined;
  if (Array.isArray(params)) return (params as unknown[]).map(toDuck);
  const out: Record<string, DuckDBValue> = {};
  for (const [k, v] of Object.entries(params)) out[k] = toDuck(v);
  return out;
}

function toDuck(value: unknown): DuckDBValue {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value as DuckDBValue;
}

/** Makes DuckDB's JS values plain: safe bigints become numbers. */
function plainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = plain(v);
  return out;
}

function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object' && !(v instanceof Date) && !(v instanceof Uint8Array)) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = plain(x);
    return o;
  }
  return v;
}
