// The small connection interface that all engine code outside db/ talks to DuckDB through.
// Only src/engine/db imports @duckdb/node-api; everything else depends on these types.

/** A row as plain JS: BIGINTs that fit become numbers, timestamps become Date, nested types become arrays/objects. */
export type Row = Record<string, unknown>;

/** Positional (`?`/`$1`) or named (`$name`) parameters. */
export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>>;

/** Progress of a running statement, as DuckDB reports it. */
export interface StatementProgress {
  /** 0–100, or -1 when DuckDB cannot tell. */
  percentage: number;
  rowsProcessed: number;
  totalRows: number;
}

export interface RunOptions {
  /** Aborting interrupts DuckDB; the statement fails with a CANCELLED error and changes nothing. */
  signal?: AbortSignal;
  /** Called about every `progressIntervalMs` while the statement runs. */
  onProgress?: (progress: StatementProgress) => void;
  progressIntervalMs?: number;
}

/** A column of a result: name and DuckDB type as DuckDB prints it (e.g. `DECIMAL(18,3)`). */
export interface ColumnInfo {
  name: string;
  type: string;
}

export interface ArrowResult {
  /** Arrow IPC stream bytes. */
  ipc: Uint8Array;
  columns: ColumnInfo[];
  rowCount: number;
}

export interface SqlConnection {
  /** Runs statements; returns the number of rows changed by the last one. */
  run(sql: string, params?: SqlParams, options?: RunOptions): Promise<number>;
  /** Runs a query and returns all rows as plain JS objects. Use only for small results. */
  all<T extends Row = Row>(sql: string, params?: SqlParams, options?: RunOptions): Promise<T[]>;
  /** Runs a query and returns the first row, or undefined. */
  one<T extends Row = Row>(sql: string, params?: SqlParams, options?: RunOptions): Promise<T | undefined>;
  /** Runs a query and returns the result as Arrow IPC bytes (the only way rows leave the engine). */
  arrow(sql: string, params?: SqlParams, options?: RunOptions): Promise<ArrowResult>;
  /** Column names and types of a query, without running it. */
  describe(sql: string, params?: SqlParams): Promise<ColumnInfo[]>;
  /**
   * Splits `sql` into statements with DuckDB's parser and names what each does ('SELECT', 'INSERT',
   * 'CREATE', 'EXPLAIN', …), without running anything. The first statement is bound, so its SQL
   * errors surface here; a later one that cannot be bound on its own (it uses a table an earlier
   * one creates) reports 'UNKNOWN'.
   */
  statementTypes(sql: string): Promise<string[]>;
  /** How many statements DuckDB's parser finds in `sql`, without binding or running any. */
  statementCount(sql: string): Promise<number>;
  /** Runs `fn` inside BEGIN/COMMIT; rolls back if it throws. Nested calls join the outer transaction. */
  transaction<T>(fn: (tx: SqlConnection) => Promise<T>): Promise<T>;
  /** Whether a transaction begun through `transaction` is open on this connection. */
  readonly inTransaction: boolean;
  close(): void;
}

export interface Database {
  /** Absolute path of the database file (or ':memory:'). */
  readonly path: string;
  /** A new connection; connections run statements one at a time, different connections concurrently. */
  connect(): Promise<SqlConnection>;
  /** Convenience: borrow a connection for `fn`, then close it. */
  withConnection<T>(fn: (conn: SqlConnection) => Promise<T>): Promise<T>;
  /** Forces a checkpoint so committed work is in the main database file. */
  checkpoint(): Promise<void>;
  /**
   * Holds DuckDB's automatic checkpoints (taken when the WAL passes its threshold) until the
   * returned release runs, for work that writes several tables and checkpoints once at its end.
   * Holds nest; the last release restores the threshold.
   */
  holdCheckpoints(): Promise<() => Promise<void>>;
  close(): void;
}
