// Profiles a table for the Explore screen: for every column its type and kind, NULLs, approximate
// distinct values, min/max, mean/stddev/quartiles of numbers, most frequent values and a
// histogram. DuckDB does the counting in two passes over the data (one aggregate, one GROUP BY
// GROUPING SETS); no row reaches JavaScript. A table with more rows than `sampleAbove` is
// profiled on a reservoir sample of `sampleSize` rows, and the profile says so.
import type { Layer } from '../../shared/api/common.js';
import type { TableProfile } from '../../shared/api/explore.js';
import type { RunOptions, SqlConnection } from '../db/connection.js';
import { ident, qualified } from '../db/sql.js';
import { distributionParts, distributionSql, readDistributions } from './profile-distribution.js';
import { readStats, statsSql } from './profile-stats.js';
import { tableColumns } from './table-columns.js';

export interface ProfileOptions {
  sampleAbove: number;
  sampleSize: number;
  signal?: AbortSignal;
}

/** The temp table holding a sample while a profile runs (temp tables belong to one connection). */
const SAMPLE_TABLE = '_ingot_profile_sample';
/** Fixed, so profiling the same table twice gives the same sample. */
const SAMPLE_SEED = 7;

/** The profile of `layer.table`; NOT_FOUND when there is no such table. */
export async function profileTable(conn: SqlConnection, layer: Layer, table: string, options: ProfileOptions): Promise<TableProfile> {
  const started = performance.now();
  const run: RunOptions = options.signal ? { signal: options.signal } : {};
  const columns = await tableColumns(conn, layer, table, options);
  const target = qualified(layer, table);
  const countSql = `SELECT count(*) AS n FROM ${target}`;
  const rows = Number((await conn.one<{ n: number | bigint }>(countSql, [], run))?.n ?? 0);
  const sampled = rows > options.sampleAbove;
  const statements = [countSql];
  let source = target;
  try {
    if (sampled) {
      const sampleSql = `CREATE OR REPLACE TEMP TABLE ${ident(SAMPLE_TABLE)} AS\nSELECT * FROM ${target} USING SAMPLE reservoir(${options.sampleSize} ROWS) REPEATABLE (${SAMPLE_SEED})`;
      statements.push(sampleSql);
      await conn.run(sampleSql, [], run);
      source = ident(SAMPLE_TABLE);
    }
    const firstPass = statsSql(source, columns);
    statements.push(firstPass);
    const statRow = (await conn.one(firstPass, [], run)) ?? {};
    const stats = readStats(statRow, columns);
    const parts = distributionParts(stats);
    const secondPass = distributionSql(source, parts);
    if (secondPass) statements.push(secondPass);
    const distributions = readDistributions(secondPass ? await conn.all(secondPass, [], run) : [], parts, columns.length);
    const profiledRows = Number(statRow.profiled_rows ?? 0);
    return {
      layer,
      table,
      rows,
      profiledRows,
      sampled,
      sampleSize: sampled ? options.sampleSize : null,
      columns: stats.map((s, i) => ({
        name: s.column.name,
        type: s.column.type,
        kind: s.kind,
        nulls: Math.max(0, profiledRows - s.values),
        distinct: s.distinct,
        min: s.min,
        max: s.max,
        mean: s.mean,
        stddev: s.stddev,
        quartiles: s.quartiles,
        topValues: distributions[i]?.topValues ?? [],
        histogram: distributions[i]?.histogram ?? null,
      })),
      sql: `${statements.join(';\n\n')};`,
      elapsedMs: Math.round(performance.now() - started),
    };
  } finally {
    if (sampled) await conn.run(`DROP TABLE IF EXISTS ${ident(SAMPLE_TABLE)}`).catch(() => undefined);
  }
}
