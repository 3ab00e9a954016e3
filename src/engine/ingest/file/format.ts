// What a file format plugs into the `file` source kind: how to look at one file without
// loading it (columns, dialect), how DuckDB reads it with given column types, and how its
// records are counted independently of DuckDB's type inference.
import type { ColumnInfo, SqlConnection } from '../../db/connection.js';
import type { RecordLocator } from '../land-context.js';
import type { CsvDialect } from '../types.js';
import type { FileFormatOptions } from './file-options.js';
import type { RecordScanner } from './record-scanner.js';

export interface FormatContext {
  conn: SqlConnection;
  /** Folder for converted copies (xlsx → NDJSON): the workspace's .ingot/cache. */
  cacheDir: string;
  /** The file as users know it (workspace-relative), for messages. */
  displayName: string;
  signal?: AbortSignal;
  /** Set by preview: only this many rows are needed (converters may stop early). */
  maxRows?: number;
  /**
   * Set when ingest reads a newline-delimited JSON file again after a malformed line failed it:
   * the lines that do not parse go to these reject tables instead of failing the load.
   */
  malformedLineRejects?: RejectTables;
  /** Date and timestamp formats earlier files of the source were read with: CSV/TSV read this file the same way. */
  keptDateFormats?: KeptDateFormats;
}

/** The date/timestamp formats a source keeps for its later files (unset: the file's own sniff decides). */
export interface KeptDateFormats {
  date?: string;
  timestamp?: string;
  /** The source's definition file, where `date_format:` / `timestamp_format:` change them. */
  sourceFile: string;
}

/** Names of DuckDB's temporary reject tables for one scan (CSV, and malformed NDJSON lines). */
export interface RejectTables {
  errors: string;
  scans: string;
}

/** How the records of a file are counted without DuckDB's sniffer deciding what a row is. */
export type RecordCounter =
  | { kind: 'scan'; create: () => RecordScanner }
  | { kind: 'query'; count: (conn: SqlConnection) => Promise<number> }
  | { kind: 'known'; records: number };

export interface InspectedFile {
  format: string;
  /** Columns as detected, before the source's type overrides. */
  columns: ColumnInfo[];
  dialect: CsvDialect | null;
  warnings: string[];
  /** A FROM-able relation reading the file with exactly these column names and types. */
  relation(columns: readonly ColumnInfo[], rejects?: RejectTables): string;
  /** Whether unparseable rows go to reject tables (otherwise a bad row fails the load). */
  storesRejects: boolean;
  counter: RecordCounter;
  /** How a reject's line relates to row numbers: data record n sits on line n + lineOffset. */
  lineOffset: number;
  /** Finds where rejected records are in the file (CSV), so rejects name file lines, not record numbers. */
  locateRecords?: RecordLocator;
  /** Reject tables inspecting already filled (malformed NDJSON lines); the load collects them. */
  filledRejects?: RejectTables;
  /** The file's line for a line DuckDB names in an error, when the load reads a copy of the file. */
  fileLine?(line: number): Promise<number | undefined>;
  /** Removes what inspecting wrote for the load (a copy of the file); called once the load is done. */
  dispose?(): Promise<void>;
}

export interface FileFormat {
  readonly name: string;
  /** Lower-case extensions with the dot, e.g. ['.csv']. */
  readonly extensions: readonly string[];
  /** Option keys of a source YAML this format understands (others are refused). */
  readonly options: readonly (keyof FileFormatOptions)[];
  inspect(ctx: FormatContext, path: string, options: FileFormatOptions): Promise<InspectedFile>;
}
