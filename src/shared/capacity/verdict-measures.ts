// The numbers behind the verdict, without any text: each check's measured value, threshold and
// whether it triggers. Cheap enough to run for every projected year and sensitivity variant.
import type { CapacityFigures } from './figures.js';
import type { CapacityInputs } from './inputs.js';
import { FRESHNESS_WINDOW_SECONDS, type MachineProfile } from './profile.js';

export type VerdictKind = 'single-machine' | 'streaming-buffer' | 'distributed';

export const VERDICT_SEVERITY: Readonly<Record<VerdictKind, number>> = { 'single-machine': 0, 'streaming-buffer': 1, distributed: 2 };

interface Measure {
  measured: number;
  threshold: number;
  triggered: boolean;
}

export interface VerdictMeasures {
  /** Peak events/s against what one writer absorbs. */
  writer: Measure;
  /** The freshness window (s) against the minute below which batch loads cannot keep up. */
  seconds: Measure;
  /** Seconds to process the data of one refresh against the freshness window. */
  processing: Measure & { continuous: boolean; rows: number; bytes: number };
  /** Bytes held under the retention against one machine's disk (advisory). */
  disk: Measure;
}

/**
 * Batch freshness targets rebuild a day of data each refresh, which must finish within the
 * window; at "seconds" a stream processor handles each second of peak data as it arrives.
 */
export function measureVerdict(inputs: CapacityInputs, figures: CapacityFigures, profile: MachineProfile): VerdictMeasures {
  const window = FRESHNESS_WINDOW_SECONDS[inputs.freshness];
  const continuous = inputs.freshness === 'seconds';
  const rows = continuous ? figures.peakEventsPerSec : figures.eventsPerDay;
  const bytes = continuous ? figures.peakEventsPerSec * inputs.bytesPerEvent : figures.rawBytesPerDay;
  const seconds = Math.max(rows / profile.processingRowsPerSec.value, bytes / profile.processingBytesPerSec.value);
  const measure = (measured: number, threshold: number, triggered = measured > threshold): Measure => ({ measured, threshold, triggered });
  return {
    writer: measure(figures.peakEventsPerSec, profile.writerEventsPerSec.value),
    seconds: measure(window, FRESHNESS_WINDOW_SECONDS.minutes, continuous),
    processing: { ...measure(seconds, window), continuous, rows, bytes },
    disk: measure(figures.retainedBytes.max, profile.localDiskBytes.value),
  };
}

/** The verdict's kind alone: distributed if processing misses the window, else a buffer if the writer or freshness needs one. */
export function kindOf(m: VerdictMeasures): VerdictKind {
  if (m.processing.triggered) return 'distributed';
  if (m.writer.triggered || m.seconds.triggered) return 'streaming-buffer';
  return 'single-machine';
}
