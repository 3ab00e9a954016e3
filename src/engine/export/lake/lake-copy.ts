// Writes one published table as Parquet with DuckDB's COPY (rows never pass through JS):
// zstd-compressed files named data_<n>.parquet, split at 512 MB, or Hive-partitioned by the
// model's partition_by column (`<column>=<value>/data_0.parquet`) with that column also kept
// inside the files, so it reads back with its exact type. Parquet has no 128-bit integers (DuckDB
// would write HUGEINT as DOUBLE, losing digits), so those are written as DECIMAL(38,0).
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ColumnInfo, SqlConnection } from '../../db/connection.js';
import { ident, literal, qualified } from '../../db/sql.js';
import type { LakeFile } from './lake-manifest.js';
import type { LakeTable } from './lake-tables.js';

const PARQUET = "FORMAT parquet, COMPRESSION zstd, FILENAME_PATTERN 'data_{i}'";

/** Writes `table` into the new folder `target`; returns the rows written. */
export async function copyTable(conn: SqlConnection, table: LakeTable, target: string, signal: AbortSignal | undefined): Promise<number> {
  const exact = table.columns.filter((c) => parquetSafeType(c.type) !== c.type).map((c) => `CAST(${ident(c.name)} AS ${parquetSafeType(c.type)}) AS ${ident(c.name)}`);
  const select = `SELECT *${exact.length > 0 ? ` REPLACE (${exact.join(', ')})` : ''} FROM ${qualified(table.layer, table.name)}`;
  const options = signal ? { signal } : {};
  const layout = table.partitionBy === undefined ? "FILE_SIZE_BYTES '512MB'" : `PARTITION_BY (${ident(table.partitionBy)}), WRITE_PARTITION_COLUMNS true`;
  const rows = await conn.run(`COPY (${select}) TO ${literal(target)} (${PARQUET}, ${layout})`, undefined, options);
  if (rows === 0 && table.partitionBy !== undefined) {
    // DuckDB writes no file for an empty partitioned table; one empty file keeps its columns readable.
    await mkdir(target, { recursive: true });
    await conn.run(`COPY (${select}) TO ${literal(join(target, 'data_0.parquet'))} (FORMAT parquet, COMPRESSION zstd)`, undefined, options);
  }
  return rows;
}

/** Parquet's glob of the files of a table folder, as read_parquet takes it. */
export function parquetGlob(folder: string): string {
  return `${folder}/**/*.parquet`;
}

/** The columns as read back from the Parquet files of `folder` (no Hive columns: they are in the files). */
export async function parquetColumns(conn: SqlConnection, folder: string): Promise<ColumnInfo[]> {
  return conn.describe(`SELECT * FROM read_parquet(${literal(parquetGlob(folder))}, hive_partitioning = false)`);
}

/** `type` with every 128-bit integer (HUGEINT, UHUGEINT, also inside lists and structs) as DECIMAL(38,0). */
export function parquetSafeType(type: string): string {
  // Quoted struct field names are kept as written.
  return type
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\bU?HUGEINT\b/gi, 'DECIMAL(38,0)')))
    .join('');
}

/** The files under `folder`, as '/'-separated paths relative to `base`, sorted, with their sizes. */
export async function listFiles(folder: string, base: string): Promise<LakeFile[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files: LakeFile[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    files.push({ path: relative(base, path).split(sep).join('/'), bytes: (await stat(path)).size });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
