// Throughput measured from the pipeline's run history (_ingot.runs, _ingot.run_models, written
// by the pipeline runner): rows per second of each model over its successful builds, and of
// whole runs from the rows entering the pipeline (what silver models read) to the run's end.
import type { SqlConnection } from '../db/connection.js';
import type { ModelThroughput, Throughput } from '../../shared/capacity/index.js';

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
 * model when a run has no silver model) ÷ the run's wall-clock duration.
 */
export async function runThroughput(conn: SqlConnection): Promise<Throughput | undefined> {
  const row = await conn.one<{ samples: number; rows: number | null; seconds: number | null }>(
    `WITH entering AS (
       SELECT run_id,
              sum(coalesce(rows_in, rows_out, 0)) FILTER (WHERE layer = 'silver') AS silver_rows,
              max(${HANDLED}) AS largest_rows
       FROM _ingot.run_models WHERE status = 'success'
       GROUP BY run_id
     )
     SELECT count(*) AS samples,
            sum(coalesce(nullif(e.silver_rows, 0), e.largest_rows))::DOUBLE AS rows,
            sum(r.duration_ms) / 1000.0 AS seconds
     FROM _ingot.runs r JOIN entering e USING (run_id)
     WHERE r.status = 'success' AND r.duration_ms > 0 AND coalesce(nullif(e.silver_rows, 0), e.largest_rows) > 0`,
  );
  const samples = Number(row?.samples ?? 0);
  if (samples === 0 || !row?.rows || !row.seconds) return undefined;
  return { samples, rows: Number(row.rows), seconds: Number(row.seconds), rowsPerSec: Number(row.rows) / Number(row.seconds) };
}
