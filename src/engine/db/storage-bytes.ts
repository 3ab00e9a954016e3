// How many bytes each table really occupies in the workspace database, from DuckDB's own storage
// metadata: pragma_storage_info places every column segment at a block offset, so a segment's
// size is the distance to the next segment in its block. The last segment of a block has no
// successor; it is estimated at the bytes per value its column (else its compression) reaches in
// the measured segments, bounded by the rest of the block. Data not checkpointed yet has no block;
// it is estimated at its values' uncompressed width. Row counts come from duckdb_tables().
// The one measure of a table's size: the Tables listing, the catalog and capacity all use it.
// Ingot's working tables (names starting with `__`) are left out: a run drops them at any time.
import type { SqlConnection } from './connection.js';
import { literal, qualified } from './sql.js';

/**
 * How the names of Ingot's working tables start (a run's `<layer>.__stage_<name>`,
 * `__affected_<name>`, `__old_<name>`; user names may not start so). A run creates and drops
 * them at any time: they are neither measured nor listed.
 */
export const WORKING_TABLE_PREFIX = '__';

/**
 * Whether `err` is DuckDB's "Table with name … does not exist" (naming `name`, when given): a
 * table listed a moment ago was dropped since.
 */
export function isVanishedTable(err: unknown, name?: string): boolean {
  if (!(err instanceof Error) || !/Catalog Error: Table with name .* does not exist/i.test(err.message)) return false;
  return name === undefined || err.message.includes(`Table with name ${name} does not exist`);
}

export interface TableStorage {
  schema: string;
  table: string;
  /** DuckDB's row count estimate (exact for tables written once by Ingot). */
  rows: number;
  /** Bytes the table occupies: its checkpointed segments, plus an estimate of data not checkpointed yet. */
  bytes: number;
  /** Of `bytes`, what its column segments occupy on disk as of the last checkpoint. */
  savedBytes: number;
}

export interface DatabaseSize {
  blockSize: number;
  totalBlocks: number;
  usedBlocks: number;
  /** used blocks × block size: what the data occupies in the file. */
  usedBytes: number;
  /** The write-ahead log not yet checkpointed, as DuckDB prints it. */
  walSize: string;
}

/** A segment's uncompressed size: its value count times the width of its type (the last-resort estimate). */
const UNCOMPRESSED_BYTES = `ceil(count * CASE
    WHEN segment_type = 'VALIDITY' THEN 0.125
    WHEN segment_type IN ('BOOLEAN', 'TINYINT', 'UTINYINT') THEN 1
    WHEN segment_type IN ('SMALLINT', 'USMALLINT') THEN 2
    WHEN segment_type IN ('INTEGER', 'UINTEGER', 'FLOAT', 'DATE') THEN 4
    WHEN segment_type IN ('BIGINT', 'UBIGINT', 'DOUBLE', 'TIME', 'TIMESTAMP', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS') THEN 8
    WHEN segment_type = 'VARCHAR' THEN 4 + coalesce(TRY_CAST(regexp_extract(stats, 'Max String Length: (\\d+)', 1) AS BIGINT), 64)
    ELSE 16
  END)`;

/** The user tables of the open database (every schema except DuckDB's internal ones), without Ingot's working tables. */
async function userTables(conn: SqlConnection, schemas?: readonly string[]): Promise<{ schema: string; table: string; rows: number }[]> {
  const filter = schemas && schemas.length > 0 ? `AND schema_name IN (${schemas.map(literal).join(', ')})` : '';
  return conn.all<{ schema: string; table: string; rows: number }>(
    `SELECT schema_name AS schema, table_name AS "table", estimated_size AS rows
     FROM duckdb_tables()
     WHERE database_name = current_database() AND NOT internal AND NOT temporary
       AND NOT starts_with(table_name, ${literal(WORKING_TABLE_PREFIX)}) ${filter}
     ORDER BY schema_name, table_name`,
  );
}

/**
 * Bytes per table in `schemas` (all schemas when omitted), in one query for all of them. Every
 * table's segments take part in placing offsets, since tables share blocks; after a checkpoint
 * every byte is measured, before one the data not yet on disk is estimated. A table dropped
 * between listing the tables and measuring them (by another connection) fails the measuring
 * query: it is taken again once, on a fresh list.
 */
export async function tableStorage(conn: SqlConnection, schemas?: readonly string[]): Promise<TableStorage[]> {
  try {
    return await measureTables(conn, schemas);
  } catch (err) {
    if (!isVanishedTable(err)) throw err;
    return measureTables(conn, schemas);
  }
}

async function measureTables(conn: SqlConnection, schemas?: readonly string[]): Promise<TableStorage[]> {
  const all = await userTables(conn);
  if (all.length === 0) return [];
  const wanted = await userTables(conn, schemas);
  const segments = all
    .map((t) => `SELECT ${literal(t.schema)} AS schema_name, ${literal(t.table)} AS table_name, * FROM pragma_storage_info(${literal(qualified(t.schema, t.table))})`)
    .join('\n    UNION ALL ');
  const sized = await conn.all<{ schema: string; table: string; saved: number; pending: number }>(
    `WITH segments AS (
    ${segments}
    ), placed AS (
      SELECT schema_name, table_name, column_path, segment_type, compression, count, block_offset, additional_block_ids,
             ${UNCOMPRESSED_BYTES} AS uncompressed,
             lead(block_offset) OVER (PARTITION BY block_id ORDER BY block_offset) - block_offset AS known
      FROM segments WHERE persistent AND block_id >= 0
    ), pending AS (
      SELECT schema_name, table_name, sum(${UNCOMPRESSED_BYTES})::BIGINT AS pending
      FROM segments WHERE NOT persistent GROUP BY ALL
    ), column_rate AS (
      SELECT schema_name, table_name, column_path, compression, sum(known) / sum(count) AS rate
      FROM placed WHERE known IS NOT NULL AND count > 0 GROUP BY ALL
    ), compression_rate AS (
      SELECT segment_type, compression, sum(known) / sum(count) AS rate
      FROM placed WHERE known IS NOT NULL AND count > 0 GROUP BY ALL
    ), block AS (SELECT block_size FROM pragma_database_size() WHERE database_name = current_database()),
    saved AS (
      SELECT p.schema_name, p.table_name,
             sum(coalesce(p.known, least((SELECT block_size FROM block) - p.block_offset, ceil(p.count * coalesce(c.rate, k.rate, p.uncompressed / p.count))))
                 + len(p.additional_block_ids) * (SELECT block_size FROM block))::BIGINT AS saved
      FROM placed p
      LEFT JOIN column_rate c USING (schema_name, table_name, column_path, compression)
      LEFT JOIN compression_rate k USING (segment_type, compression)
      GROUP BY ALL
    )
    SELECT schema_name AS schema, table_name AS "table", coalesce(saved, 0) AS saved, coalesce(pending, 0) AS pending
    FROM saved FULL JOIN pending USING (schema_name, table_name)`,
  );
  const sizeOf = new Map(sized.map((s) => [`${s.schema}.${s.table}`, { saved: Number(s.saved), pending: Number(s.pending) }]));
  return wanted.map((t) => {
    const size = sizeOf.get(`${t.schema}.${t.table}`) ?? { saved: 0, pending: 0 };
    return { schema: t.schema, table: t.table, rows: Number(t.rows), bytes: size.saved + size.pending, savedBytes: size.saved };
  });
}

/** The database file's block usage, from pragma_database_size. */
export async function databaseSize(conn: SqlConnection): Promise<DatabaseSize> {
  const row = await conn.one<{ block_size: number; total_blocks: number; used_blocks: number; wal_size: string }>(
    'SELECT block_size, total_blocks, used_blocks, wal_size FROM pragma_database_size() WHERE database_name = current_database()',
  );
  const blockSize = Number(row?.block_size ?? 0);
  const usedBlocks = Number(row?.used_blocks ?? 0);
  return { blockSize, totalBlocks: Number(row?.total_blocks ?? 0), usedBlocks, usedBytes: blockSize * usedBlocks, walSize: row?.wal_size ?? '0 bytes' };
}
