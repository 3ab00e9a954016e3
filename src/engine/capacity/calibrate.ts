// Calibration: measures this workspace's pipeline on this machine — rows/s per model and end to
// end from run history, bronze load speed and the real compression ratio from the batch ledger
// and DuckDB storage — and turns it into the thresholds the verdict uses and prefilled inputs.
import { IngotError } from '../../shared/errors.js';
import { calibratedProfile, DEFAULT_PROFILE, type Calibration, type MachineProfile, type Throughput } from '../../shared/capacity/index.js';
import type { Database } from '../db/connection.js';
import { ingestThroughput, LEDGER_NAME, missingLedgerColumns, sourceMeasures } from './ledger-measures.js';
import { hasRunHistory, modelThroughput, runThroughput } from './run-throughput.js';
import { databaseSize } from '../db/storage-bytes.js';

export interface CalibrateOptions {
  /** Prefill bytes/event and compression from this source's bronze table. */
  source?: string;
  /** Thresholds to start from; measured ones replace them. */
  base?: MachineProfile;
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
    const runs = history ? await runThroughput(conn) : undefined;
    if (!runs) notes.push('no successful pipeline run yet: run `ingot run` to measure model throughput');
    const missing = await missingLedgerColumns(conn);
    const ledger = missing.length === 0;
    if (!ledger) notes.push(`the batch ledger ${LEDGER_NAME} lacks ${missing.join(', ')}: load speed and compression cannot be measured`);
    const ingest = ledger ? await ingestThroughput(conn) : undefined;
    if (ledger && !ingest) notes.push('no bronze load recorded yet: run `ingot ingest` to measure load speed and compression');
    const sources = ledger ? await sourceMeasures(conn) : [];
    const endToEnd = combineStages(ingest, runs);
    if (endToEnd && !ingest) notes.push('end to end covers model runs only: no bronze load to add');
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
      profile: calibratedProfile({ ...(endToEnd ? { endToEnd } : {}), ...(ingest ? { ingest } : {}) }, options.base ?? DEFAULT_PROFILE),
      ...(prefill ? { prefill } : {}),
      notes,
    };
  });
}
