// What one machine running Ingot can do: the thresholds the verdict compares against. Defaults
// are documented conservative figures for a laptop; calibration replaces them with what this
// workspace measured.
import type { Freshness } from './inputs.js';

export interface Threshold {
  value: number;
  /** 'default' = the documented figure below; 'calibrated' = measured in this workspace; 'user' = given explicitly. */
  source: 'default' | 'calibrated' | 'user';
  /** Where the figure comes from, in one sentence. */
  basis: string;
}

export interface MachineProfile {
  /** Events per second one writer absorbs when events arrive continuously. */
  writerEventsPerSec: Threshold;
  /** Rows per second the pipeline processes end to end (ingest + models). */
  processingRowsPerSec: Threshold;
  /** Raw input bytes per second the pipeline parses. */
  processingBytesPerSec: Threshold;
  /** Stored bytes one machine comfortably keeps on local disk. */
  localDiskBytes: Threshold;
}

/**
 * Defaults. One DuckDB writer committing small appends as events arrive sustains on the order
 * of 10,000 events/s (each commit writes the WAL; there is one writer per database file). A SQL
 * pipeline that parses, casts and rebuilds models sustains about 1 M rows/s and 200 MB/s of raw
 * CSV/JSON on a laptop's cores. Beyond about 10 TB, data no longer sits comfortably on one disk.
 */
export const DEFAULT_PROFILE: MachineProfile = {
  writerEventsPerSec: { value: 10_000, source: 'default', basis: 'DuckDB committing small appends as events arrive; documented default' },
  processingRowsPerSec: { value: 1_000_000, source: 'default', basis: 'a SQL pipeline parsing and rebuilding models on a laptop; documented default' },
  processingBytesPerSec: { value: 200e6, source: 'default', basis: 'parsing raw CSV/JSON on a laptop; documented default' },
  localDiskBytes: { value: 10e12, source: 'default', basis: 'local disk of one machine; documented default' },
};

/** The freshness window: how soon after the data arrives results must be ready. */
export const FRESHNESS_WINDOW_SECONDS: Readonly<Record<Freshness, number>> = {
  daily: 86_400,
  hourly: 3_600,
  minutes: 60,
  seconds: 1,
};

/** A profile with some thresholds replaced, e.g. by calibration or by a user's override. */
export function withThresholds(base: MachineProfile, overrides: Partial<MachineProfile>): MachineProfile {
  return { ...base, ...Object.fromEntries(Object.entries(overrides).filter(([, t]) => t !== undefined)) };
}
