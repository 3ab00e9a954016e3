// What calibration measured in a workspace (the engine fills it from run history, the batch
// ledger and DuckDB storage), and how it turns into a machine profile and prefilled inputs.
import type { NumberRange } from './compression-range.js';
import { DEFAULT_PROFILE, withThresholds, type MachineProfile } from './profile.js';

export interface Throughput {
  /** How many completed runs (or batches) the figure sums over. */
  samples: number;
  rows: number;
  seconds: number;
  rowsPerSec: number;
}

export interface ModelThroughput extends Throughput {
  model: string;
}

export interface SourceMeasure {
  source: string;
  /** Qualified bronze table, e.g. bronze.orders. */
  table: string;
  batches: number;
  /** Rows the ledger says were loaded. */
  rows: number;
  /** Bytes of the raw files (or HTTP bodies) the batches read. */
  sourceBytes: number;
  /** Bytes the bronze table occupies in the database. */
  storedBytes: number;
  rawBytesPerRow: number;
  storedBytesPerRow: number;
  /** sourceBytes ÷ storedBytes: how much smaller DuckDB stores the data than the raw files. */
  compressionRatio: number;
  ingest: Throughput;
}

/**
 * Measurements set aside because they are too small to speak for throughput: runs or loads so
 * short that fixed per-run overhead, not rows, fills their time. The verdict does not use them.
 */
export interface TooSmallMeasure extends Throughput {
  /** 'runs' = pipeline runs (end to end); 'loads' = bronze loads (one writer, bytes parsed). */
  kind: 'runs' | 'loads';
  /** What was measured, why it cannot speak for throughput, and what the verdict uses instead. */
  message: string;
}

export interface Calibration {
  /** ISO time of the measurement. */
  measuredAt: string;
  /** Rows per second of each model over its successful runs, slowest first. */
  models: ModelThroughput[];
  /** Rows per second of whole pipeline runs: source rows in ÷ (ingest time + model time). */
  endToEnd?: Throughput;
  /** All bronze loads together. */
  ingest?: Throughput & { bytes: number; bytesPerSec: number };
  sources: SourceMeasure[];
  database: { usedBytes: number; blockSize: number; walSize: string };
  /** The thresholds the verdict should use: measured where measured, defaults otherwise. */
  profile: MachineProfile;
  /** Inputs suggested by the chosen source: measured bytes per event and compression. */
  prefill?: { source: string; bytesPerEvent: number; compression: NumberRange };
  /** Runs and loads left out because they are too small to speak for throughput. */
  tooSmall: TooSmallMeasure[];
  /** What could not be measured, and why. */
  notes: string[];
}

/** The machine profile implied by measured throughput; unmeasured thresholds keep their defaults. */
export function calibratedProfile(measured: Pick<Calibration, 'endToEnd' | 'ingest'>, base: MachineProfile = DEFAULT_PROFILE): MachineProfile {
  const overrides: Partial<MachineProfile> = {};
  const e2e = measured.endToEnd;
  const ingest = measured.ingest;
  if (e2e && e2e.rowsPerSec > 0) {
    overrides.processingRowsPerSec = { value: e2e.rowsPerSec, source: 'calibrated', basis: `measured over ${e2e.samples} pipeline run${e2e.samples === 1 ? '' : 's'} in this workspace` };
  }
  if (ingest && ingest.rowsPerSec > 0) {
    overrides.writerEventsPerSec = { value: ingest.rowsPerSec, source: 'calibrated', basis: `measured: ${ingest.samples} bronze load${ingest.samples === 1 ? '' : 's'} appended by this machine's one writer` };
  }
  if (ingest && ingest.bytesPerSec > 0) {
    overrides.processingBytesPerSec = { value: ingest.bytesPerSec, source: 'calibrated', basis: `measured: raw bytes parsed by ${ingest.samples} bronze load${ingest.samples === 1 ? '' : 's'}` };
  }
  return withThresholds(base, overrides);
}
