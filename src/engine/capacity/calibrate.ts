// Calibration: measures this workspace's pipeline on this machine — rows/s per model and end to
// end from run history, bronze load speed and the real compression ratio from the batch ledger
// and DuckDB storage — and turns it into the thresholds the verdict uses and prefilled inputs.
// Runs and loads too small to speak for throughput are set aside and said so (sample-size.ts).
import { IngotError } from '../../shared/errors.js';
import {
  calibratedProfile,
  DEFAULT_PROFILE,
  formatNumber,
  withThresholds,
  type Calibration,
  type MachineProfile,
  type Throughput,
  type TooSmallMeasure,
} from '../../shared/capacity/index.js';
import type { Database } from '../db/connection.js';
import { ingestThroughput, LEDGER_NAME, missingLedgerColumns, sourceMeasures } from './ledger-measures.js';
import { hasRunHistory, modelThroughput, runThroughput } from './run-throughput.js';
import { databaseSize } from '../db/storage-bytes.js';
import { MINIMUM_SAMPLE, tooSmallMeasure, type MinimumSample } from './sample-size.js';

export interface CalibrateOptions {
  /** Prefill bytes/event and compression from this source's bronze table. */
  source?: string;
  /** Thresholds to start from; measured ones replace them. */
  base?: MachineProfile;
  /** How large one run or load must be to count (default MINIMUM_SAMPLE: 100,000 rows and 1 s). */
  minimum?: MinimumSample;
}

/**
 * End to end, a row is loaded into bronze and then carried through the models, one after the
 * other: the seconds per row add up, so the rate is 1 ÷ (1/ingest rate + 1/model-run rate).
 */
export function combineStages(ingest: Throughput | undefined, runs: Throughput | undefined): Throughput | undefined {
  if (!runs) return undefined;
  if (!ingest) return runs;
  const seconds = runs.seconds + runs.rows / ingest.rowsPerSec;
  return { samples: runs.samples, rows: runs.rows, seconds, rowsPerSec: runs.rows / seconds };
}

/** The base thresholds, their basis saying which too-small measurements they stand in for. */
function withTooSmallBasis(base: MachineProfile, tooSmall: readonly TooSmallMeasure[]): MachineProfile {
  const overrides: Partial<MachineProfile> = {};
  const because = (t: TooSmallMeasure): string =>
    `; the ${t.samples === 1 ? '' : `${t.samples} `}${t.kind === 'runs' ? 'pipeline run' : 'bronze load'}${t.samples === 1 ? '' : 's'} measured here (${formatNumber(t.rows)} rows in ${formatNumber(t.seconds, 2)} s) ${t.samples === 1 ? 'is' : 'are'} too small to speak for throughput`;
  for (const t of tooSmall) {
    const stands = t.kind === 'runs' ? (['processingRowsPerSec'] as const) : (['writerEventsPerSec', 'processingBytesPerSec'] as const);
    for (const key of stands) overrides[key] = { ...base[key], basis: base[key].basis + because(t) };
  }
  return withThresholds(base, overrides);
}

/** Rounds for a readable scenario, but never down to zero. */
function roundPositive(value: number, decimals: number): number {
  const rounded = Number(value.toFixed(decimals));
  return rounded > 0 ? rounded : value;
}

/** Measures the workspace database. Checkpoints first, so storage sizes cover committed data. */
export async function calibrate(db: Database, options: CalibrateOptions = {}): Promise<Calibration> {
  const notes: string[] = [];
  try {
    await db.checkpoint();
  } catch {
    notes.push('could not checkpoint while other work writes to the database; storage sizes cover the data checkpointed so far');
  }
  return db.withConnection(async (conn) => {
    const history = await hasRunHistory(conn);
    const models = history ? await modelThroughput(conn) : [];
    const base = options.base ?? DEFAULT_PROFILE;
    const minimum = options.minimum ?? MINIMUM_SAMPLE;
    const tooSmall: TooSmallMeasure[] = [];
    const runSplit = history ? await runThroughput(conn, minimum) : {};
    const runs = runSplit.counted;
    if (runSplit.tooSmall) tooSmall.push(tooSmallMeasure('runs', runSplit.tooSmall, runs, minimum, base));
    else if (!runs) notes.push('no successful pipeline run yet: run `ingot run` to measure model throughput');
    const missing = await missingLedgerColumns(conn);
    const ledger = missing.length === 0;
    if (!ledger) notes.push(`the batch ledger ${LEDGER_NAME} lacks ${missing.join(', ')}: load speed and compression cannot be measured`);
    const loadSplit = ledger ? await ingestThroughput(conn, minimum) : {};
    const ingest = loadSplit.counted;
    if (loadSplit.tooSmall) tooSmall.push(tooSmallMeasure('loads', loadSplit.tooSmall, ingest, minimum, base));
    else if (ledger && !ingest) notes.push('no bronze load recorded yet: run `ingot ingest` to measure load speed and compression');
    const sources = ledger ? await sourceMeasures(conn) : [];
    const endToEnd = combineStages(ingest, runs);
    if (endToEnd && !ingest) notes.push(`end to end covers model runs only: no bronze load${loadSplit.tooSmall ? ' large enough' : ''} to add`);
    notes.unshift(...tooSmall.map((t) => t.message));
    const database = await databaseSize(conn);
    let prefill: Calibration['prefill'];
    if (options.source) {
      const wanted = options.source.toLowerCase();
      const source = sources.find((s) => s.source.toLowerCase() === wanted || s.table.toLowerCase() === `bronze.${wanted}`);
      if (!source) {
        throw new IngotError('NOT_FOUND', `No loaded source named "${options.source}" to calibrate from.`, {
          hint: sources.length > 0 ? `Loaded sources: ${sources.map((s) => s.source).join(', ')}.` : 'Load the source first with `ingot ingest`.',
          detail: { field: 'source' },
        });
      }
      const ratio = roundPositive(source.compressionRatio, 2);
      prefill = { source: source.source, bytesPerEvent: roundPositive(source.rawBytesPerRow, 1), compression: { min: ratio, max: ratio } };
    }
    return {
      measuredAt: new Date().toISOString(),
      models,
      ...(endToEnd ? { endToEnd } : {}),
      ...(ingest ? { ingest } : {}),
      sources,
      database: { usedBytes: database.usedBytes, blockSize: database.blockSize, walSize: database.walSize },
      profile: calibratedProfile({ ...(endToEnd ? { endToEnd } : {}), ...(ingest ? { ingest } : {}) }, withTooSmallBasis(base, tooSmall)),
      ...(prefill ? { prefill } : {}),
      tooSmall,
      notes,
    };
  });
}
