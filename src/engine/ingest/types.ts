// The values ingest hands back: per-load results, drift findings, progress events and
// previews. They extend the DTOs of the shared contract with the detail the CLI shows.
import type { IngestProgress as ProgressDto, IngestResult as ResultDto } from '../../shared/api/ingest.js';
import type { ArrowResult, ColumnInfo } from '../db/connection.js';

/** One schema difference between what a batch brings and what the bronze table holds. */
export interface DriftChange {
  column: string;
  change: 'added' | 'missing' | 'type_changed' | 'type_widened';
  /** Human-readable: names both types and the file where it was seen. */
  detail: string;
}

/** One file a batch read, as the ledger records it. */
export interface BatchFile {
  /** Workspace-relative (or absolute, if outside the workspace) path. */
  path: string;
  sizeBytes: number;
  modifiedAt: Date;
  contentHash: string;
  /** Records counted in the file independently of DuckDB's type inference; null if not countable. */
  recordsCounted: number | null;
  rowsLoaded: number;
  rowsRejected: number;
  /** CSV/TSV: the date and timestamp formats the file was read with (null: none), kept for the source's later files. */
  dateFormat?: string | null;
  timestampFormat?: string | null;
}

export interface IngestResult extends ResultDto {
  drift: DriftChange[];
  /** Records counted in the inputs (= rowsLoaded + rowsRejected whenever it is known). */
  recordsCounted: number | null;
  files: BatchFile[];
  /** Files of the input that were already loaded with the same content and were skipped. */
  skippedFiles: string[];
  /** Things the user should know that did not stop the load (guessed dialect, renamed headers, …). */
  warnings: string[];
  columns: ColumnInfo[];
}

export type IngestPhase = 'inspecting' | 'hashing' | 'loading' | 'verifying' | 'committing' | 'done';

export interface IngestProgress extends ProgressDto {
  phase: IngestPhase;
  /** The file being worked on, workspace-relative. */
  file?: string;
}

export interface IngestOptions {
  /** Swap the source's data for this load, atomically. */
  replace?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
}

/** The dialect DuckDB sniffed (or was told) for a delimited file. */
export interface CsvDialect {
  delimiter: string;
  quote: string;
  escape: string;
  newline: string;
  comment: string;
  skipRows: number;
  header: boolean;
  dateFormat: string | null;
  timestampFormat: string | null;
  encoding: string;
}

export interface PreviewResult {
  format: string;
  dialect: CsvDialect | null;
  columns: ColumnInfo[];
  rows: ArrowResult;
  /** Rows of the previewed part that could not be parsed (line, column, error). */
  rejects: { line: number | null; column: string | null; error: string }[];
  warnings: string[];
}
