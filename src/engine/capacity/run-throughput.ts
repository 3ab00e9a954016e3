// Throughput measured from the pipeline's run history (_ingot.runs, _ingot.run_models, written
// by the pipeline runner): rows per second of each model over its successful builds, and of
// whole runs from the rows entering the pipeline (what silver models read) to the run's end,
// counting only runs large enough to speak for throughput (see sample-size.ts).
import type { SqlConnection } from '../db/connection.js';
import type { ModelThroughput } from '../../shared/capacity/index.js';
import { splitColumns, splitThroughput, type MinimumSample, type SplitRow, type SplitThroughput } from './sample-size.js';

/** Rows a model handled in one build: the larger of what it read and what it wrote. */
const HANDLED = 'greatest(coalesce(rows_in, 0), coalesce(rows_out, 0))';

/** Whether the run-history tables exist in this database (they come with the pipeline's migrations). */
export async function hasRunHistory(conn: SqlConnection): Promise<boolean> {
  const row = await conn.one<{ n: number }>(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = '_ingot' AND table_name IN ('runs', 'run_models')`,
  );
  return Number(row?.n ?? 0) === 2;
}

/** Per model: rows handled ÷ build time, summed over successful builds; slowest first. */
export async function modelThroughput(conn: SqlConnection): Promise<ModelThroughput[]> {
  const rows = await conn.all<{ model: string; samples: number; rows: number; seconds: number }>(
    `SELECT model, count(*) AS samples, sum(${HANDLED})::DOUBLE AS rows, sum(duration_ms) / 1000.0 AS seconds
     FROM _ingot.run_models
     WHERE status = 'success' AND duration_ms > 0
     GROUP BY model
     HAVING sum(${HANDLED}) > 0
     ORDER BY sum(${HANDLED}) / sum(duration_ms), model`,
  );
  return rows.map((r) => ({ model: r.model, samples: Number(r.samples), rows: Number(r.rows), seconds: Number(r.seconds), rowsPerSec: Number(r.rows) / Number(r.seconds) }));
}

/**
 * Whole successful runs: the rows entering the pipeline (rows read by silver models; the largest
 * model when a run has no silver model) ÷ the run's wall-clock duration, summed over the runs
 * large enough to speak for throughput; the smaller runs summed apart.
 */
export async function runThroughput(conn: SqlConnection, minimum: MinimumSample): Promise<SplitThroughput> {
  const row = await conn.one<SplitRow>(
    `WITH entering AS (
       SELECT run_id,
              sum(coalesce(rows_in, rows_out, 0)) FILTER (WHERE layer = 'silver') AS silver_rows,
              max(${HANDLED}) AS largest_rows
       FROM _ingot.run_models WHERE status = 'success'
       GROUP BY run_id
     ),
     measured AS (
       SELECT coalesce(nullif(e.silver_rows, 0), e.largest_rows)::DOUBLE AS run_rows, r.duration_ms / 1000.0 AS run_seconds
       FROM _ingot.runs r JOIN entering e USING (run_id)
       WHERE r.status = 'success' AND r.duration_ms > 0 AND coalesce(nullif(e.silver_rows, 0), e.largest_rows) > 0
     )
     SELECT ${splitColumns('run_rows', 'run_seconds', minimum)} FROM measured`,
  );
  return splitThroughput(row);
}
