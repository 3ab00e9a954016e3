// What a source kind gets from ingest while it lands a batch or previews data: the workspace,
// a connection inside the batch's transaction, the bronze table writer (drift, lineage, row
// numbers), the reject collector, what this source already holds, and progress reporting.
import type { ColumnInfo, RunOptions, SqlConnection } from '../db/connection.js';
import type { Workspace } from '../workspace/workspace.js';
import type { BatchFile, DriftChange, IngestPhase } from './types.js';

export interface SourceRef {
  name: string;
  /** The definition file, workspace-relative (sources/<name>.yaml), for messages. */
  file: string;
}

export interface PreviewContext {
  ws: Workspace;
  conn: SqlConnection;
  source: SourceRef;
  /** Rows to show (100 unless asked otherwise). */
  limit: number;
  signal?: AbortSignal;
}

/** A file this source already holds in bronze (from batches still loaded). */
export interface PresentFile {
  path: string;
  sizeBytes: number;
  contentHash: string;
}

/** Where a rejected record is in its file: the line it starts on and its text, decoded with the file's encoding. */
export interface LocatedRecord {
  line: number;
  raw: string;
}

/** Maps the record starts DuckDB gives for rejects (its 1-based `line_byte_position`) to where they are in the file. */
export type RecordLocator = (starts: readonly number[]) => Promise<Map<number, LocatedRecord>>;

/** Where DuckDB stored the rows it could not parse for one scan, and how lines map to rows. */
export interface RejectScan {
  errors: string;
  scans: string;
  /** Data record n sits on DuckDB's line n + lineOffset (a file line, unless a quoted value spans lines). */
  lineOffset: number;
  /** Finds the file lines and raw text of rejected records (when the file allows it exactly). */
  locate?: RecordLocator;
}

export interface InsertOptions extends RunOptions {
  /** Where DuckDB stores the rows it rejects during this scan. */
  rejects?: RejectScan;
  /** Leave `_row_number` NULL for `numberPendingRows` after the commit (the ledger marks the file). */
  numberAfterCommit?: boolean;
}

export interface BronzeWriter {
  /** Quoted name of the table, e.g. "bronze"."orders". */
  readonly table: string;
  /**
   * Reconciles the incoming columns (overrides applied) with the bronze table: creates it, or
   * applies the source's drift policy. Returns the names and types each column is read as.
   */
  prepare(incoming: readonly ColumnInfo[], origin: string): Promise<ColumnInfo[]>;
  /** The table's columns now (after `prepare`), without the lineage columns. */
  columns(): Promise<ColumnInfo[]>;
  /** Schema changes `prepare` found so far in this batch. */
  readonly drift: readonly DriftChange[];
  /** Files inserted with `numberAfterCommit`, with the line offset that maps their rejected lines to records. */
  readonly unnumbered: ReadonlyMap<string, number | null>;
  /** INSERT … SELECT from `relation` with the lineage columns, then numbers its rows (unless deferred). Returns rows loaded and rejected. */
  insert(relation: string, sourceFile: string, options?: InsertOptions): Promise<{ loaded: number; rejected: number }>;
}

export interface LandContext {
  ws: Workspace;
  /** Inside the batch's transaction: nothing is visible until ingest commits. */
  conn: SqlConnection;
  source: SourceRef;
  batchId: number;
  replace: boolean;
  signal?: AbortSignal;
  bronze: BronzeWriter;
  /** Files of this source already in bronze (empty when replacing). */
  presentFiles(): Promise<PresentFile[]>;
  /** Unique names for DuckDB's temporary reject tables of one scan. */
  rejectTables(lineOffset: number): RejectScan;
  /**
   * Files (as named in messages) whose malformed lines go to the rejects: an earlier attempt at
   * this batch failed on such a line (an error with `detail.malformedLine`), so ingest lands the
   * batch again, in a new transaction, with the file named here.
   */
  setAsideMalformedLines: ReadonlySet<string>;
  progress(phase: IngestPhase, percentage: number, extra?: { rows?: number; file?: string }): void;
  warn(message: string): void;
}

export interface LandOutcome {
  /** 'unchanged': every input was already loaded with the same content; nothing was written. */
  status: 'loaded' | 'unchanged';
  files: BatchFile[];
  skippedFiles: string[];
}
