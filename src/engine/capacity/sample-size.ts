// How big a pipeline run or a bronze load must be before its rows per second speak for
// throughput. Every run and every load pays a fixed overhead (opening the database, planning,
// writing the run history or the batch ledger: about 0.1–0.3 s here) whatever its size, so on a
// few thousand rows the "rate" measures that overhead, not the machine. Calibration counts only
// runs and loads that carry enough rows and take long enough for per-row work to fill most of
// their time; the rest are set aside and said so, and the documented defaults stand in for them.
import { formatQuantity, formatNumber, type MachineProfile, type Throughput, type TooSmallMeasure } from '../../shared/capacity/index.js';

export interface MinimumSample {
  /** Rows one run (rows entering the pipeline) or one load (rows loaded) must carry. */
  rows: number;
  /** Seconds one run or one load must take, so a fixed overhead of ~0.25 s stays under a quarter of it. */
  seconds: number;
}

/** The sizes from which one run or one load counts: 100,000 rows and 1 s. */
export const MINIMUM_SAMPLE: MinimumSample = { rows: 100_000, seconds: 1 };

/** Measurements of one kind split into those that count and those too small to. */
export interface SplitThroughput<T extends Throughput = Throughput> {
  counted?: T;
  tooSmall?: Throughput;
}

const plural = (n: number, word: string): string => `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;

/** "3 rows in 0.34 s, 8.7 rows/s" (summed over the samples). */
function measured(t: Throughput): string {
  return `${formatNumber(t.rows)} row${t.rows === 1 ? '' : 's'} in ${formatNumber(t.seconds, 2)} s, ${formatQuantity(t.rowsPerSec)} rows/s`;
}

/**
 * The sentence a user reads when runs or loads were set aside: what was measured, why it cannot
 * speak for throughput, what the verdict uses instead and what to do.
 */
export function tooSmallMeasure(kind: TooSmallMeasure['kind'], small: Throughput, counted: Throughput | undefined, minimum: MinimumSample, base: MachineProfile): TooSmallMeasure {
  const what = kind === 'runs' ? plural(small.samples, 'pipeline run') : plural(small.samples, 'bronze load');
  const each = kind === 'runs' ? 'a run counts once it carries' : 'a load counts once it loads';
  const instead = counted
    ? `calibration uses the ${kind === 'runs' ? plural(counted.samples, 'larger run') : plural(counted.samples, 'larger load')} instead`
    : kind === 'runs'
      ? `the verdict uses the documented default of ${formatQuantity(base.processingRowsPerSec.value)} rows/s instead`
      : `the verdict uses the documented defaults of ${formatQuantity(base.writerEventsPerSec.value)} events/s for one writer and ${formatQuantity(base.processingBytesPerSec.value / 1e6)} MB/s parsed instead`;
  const todo = counted ? '' : `; ${kind === 'runs' ? 'run the pipeline on' : 'load'} a larger sample of your data (e.g. a day's worth) and calibrate again`;
  const message =
    `${what} measured here ${small.samples === 1 ? 'is' : 'are'} too small to speak for throughput (${measured(small)}): ` +
    `the fixed overhead of every ${kind === 'runs' ? 'run' : 'load'}, not its rows, fills that time, so ${instead} ` +
    `(${each} at least ${formatNumber(minimum.rows)} rows and takes at least ${formatNumber(minimum.seconds, 1)} s)${todo}.`;
  return { kind, ...small, message };
}

/** SQL true for one run or load of `rows` rows in `seconds` seconds that counts. */
export function enoughSql(rows: string, seconds: string, minimum: MinimumSample): string {
  return `(${rows} >= ${Number(minimum.rows)} AND ${seconds} >= ${Number(minimum.seconds)})`;
}

/** Splits summed rows and seconds into the samples that count and those too small, as SQL aggregates. */
export function splitColumns(rows: string, seconds: string, minimum: MinimumSample): string {
  const enough = enoughSql(rows, seconds, minimum);
  return `count(*) FILTER (WHERE ${enough}) AS samples, sum(${rows}) FILTER (WHERE ${enough})::DOUBLE AS rows, sum(${seconds}) FILTER (WHERE ${enough})::DOUBLE AS seconds,
          count(*) FILTER (WHERE NOT ${enough}) AS small_samples, sum(${rows}) FILTER (WHERE NOT ${enough})::DOUBLE AS small_rows,
          sum(${seconds}) FILTER (WHERE NOT ${enough})::DOUBLE AS small_seconds`;
}

/** The row `splitColumns` selects. */
export type SplitRow = {
  samples: number | bigint;
  rows: number | null;
  seconds: number | null;
  small_samples: number | bigint;
  small_rows: number | null;
  small_seconds: number | null;
};

/** The counted and too-small throughput of a `splitColumns` row (each only when it has rows and time). */
export function splitThroughput(row: SplitRow | undefined): SplitThroughput {
  const of = (samples: number | bigint | undefined, rows: number | null | undefined, seconds: number | null | undefined): Throughput | undefined => {
    const n = Number(samples ?? 0);
    const r = Number(rows ?? 0);
    const s = Number(seconds ?? 0);
    return n > 0 && r > 0 && s > 0 ? { samples: n, rows: r, seconds: s, rowsPerSec: r / s } : undefined;
  };
  const counted = of(row?.samples, row?.rows, row?.seconds);
  const tooSmall = of(row?.small_samples, row?.small_rows, row?.small_seconds);
  return { ...(counted ? { counted } : {}), ...(tooSmall ? { tooSmall } : {}) };
}
