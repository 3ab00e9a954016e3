// Anomaly detection: a run's row count and chosen column metrics compared with the same metrics
// of earlier runs that were allowed to publish. The robust z-score is
//   z = 0.6745 · (x − median) / MAD,   MAD = median(|xᵢ − median|)
// (falling back to the mean absolute deviation × 1.2533 when MAD is 0). A metric is anomalous
// when |z| > threshold; nothing is judged before `min_history` earlier runs exist. The median
// and deviations are computed by DuckDB over the stored history.
import type { SqlConnection } from '../db/connection.js';
import type { AnomalyCheck } from './check-def.js';

export interface MetricStats {
  n: number;
  median: number;
  mad: number;
  meanAbsDeviation: number;
}

export interface MetricVerdict {
  metric: string;
  value: number | null;
  median?: number;
  /** null when the history is constant and the value differs from it. */
  z?: number | null;
  anomalous: boolean;
}

/** History statistics per metric of one anomaly check (runs other than `excludeRunId`). */
export async function metricHistory(
  conn: SqlConnection,
  target: { layer: string; model: string },
  def: AnomalyCheck,
  excludeRunId: number | undefined,
): Promise<Map<string, MetricStats>> {
  const rows = await conn.all<{ metric: string; n: number; med: number; mad: number; mean_ad: number }>(
    `WITH h AS (
       SELECT metric, value FROM _ingot.quality_metrics
       WHERE layer = ? AND model = ? AND check_name = ? AND outcome <> 'error' AND run_id <> ? AND value IS NOT NULL
       QUALIFY row_number() OVER (PARTITION BY metric ORDER BY recorded_at DESC, run_id DESC) <= ?
     ), m AS (SELECT metric, count(*) AS n, median(value) AS med FROM h GROUP BY metric)
     SELECT m.metric, m.n, m.med, median(abs(h.value - m.med)) AS mad, avg(abs(h.value - m.med)) AS mean_ad
     FROM h JOIN m USING (metric) GROUP BY m.metric, m.n, m.med`,
    [target.layer, target.model, def.name, excludeRunId ?? -1, def.window],
  );
  return new Map(rows.map((r) => [r.metric, { n: r.n, median: r.med, mad: r.mad, meanAbsDeviation: r.mean_ad }]));
}

/** The robust z-score of `value` against `stats`. */
export function robustZ(value: number, stats: MetricStats): number | null {
  const d = value - stats.median;
  if (stats.mad > 0) return (0.6745 * d) / stats.mad;
  if (stats.meanAbsDeviation > 0) return d / (1.2533 * stats.meanAbsDeviation);
  return d === 0 ? 0 : null;
}

/** Judges each metric; metrics with less than `minHistory` runs of history are not judged. */
export function judgeMetrics(def: AnomalyCheck, values: Record<string, number | null>, history: Map<string, MetricStats>): MetricVerdict[] {
  return Object.entries(values).map(([metric, value]) => {
    const stats = history.get(metric);
    if (value === null || !stats || stats.n < def.minHistory) return { metric, value, anomalous: false };
    const z = robustZ(value, stats);
    return { metric, value, median: stats.median, z, anomalous: z === null || Math.abs(z) > def.threshold };
  });
}

/** Stores this run's metric values, so later runs can compare against them. */
export async function recordMetrics(
  conn: SqlConnection,
  runId: number,
  target: { layer: string; model: string },
  observations: readonly { check: string; metric: string; value: number | null }[],
  outcome: string,
): Promise<void> {
  for (const o of observations) {
    await conn.run(
      `INSERT OR REPLACE INTO _ingot.quality_metrics (run_id, layer, model, check_name, metric, value, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [runId, target.layer, target.model, o.check, o.metric, o.value, outcome],
    );
  }
}
