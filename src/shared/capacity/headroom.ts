// Headroom: the peak a planned workload needs against what this pipeline measured on this
// machine, as "your peak needs Y events/s; this pipeline on this machine does X; headroom X/Y".
import { formatNumber, formatQuantity } from './format.js';

export interface Headroom {
  /** Y: peak events per second the estimate needs. */
  neededEventsPerSec: number;
  /** X: rows per second this pipeline sustained, end to end. */
  measuredRowsPerSec: number;
  /** X / Y; above 1 the machine keeps up with the peak. */
  ratio: number;
  fits: boolean;
  /** Y and X in one sentence, with the division shown. */
  sentence: string;
}

/** X/Y for people: whole from 10×, two decimals down to 0.1×, two significant digits below (never "0×"). */
export function headroomRatioText(ratio: number): string {
  if (ratio >= 10) return `${formatNumber(ratio, 0)}×`;
  if (ratio >= 0.1 || ratio === 0) return `${formatNumber(ratio, 2)}×`;
  return `${ratio.toLocaleString('en-US', { maximumSignificantDigits: 2 })}×`;
}

/** Compares the needed peak with the measured throughput. Both must be positive. */
export function computeHeadroom(neededEventsPerSec: number, measuredRowsPerSec: number): Headroom {
  const ratio = measuredRowsPerSec / neededEventsPerSec;
  const fits = ratio >= 1;
  const x = `${formatQuantity(measuredRowsPerSec)} rows/s`;
  const y = `${formatQuantity(neededEventsPerSec)} events/s`;
  const verdict = fits ? 'it keeps up with the peak' : `it falls short; the peak needs ${formatNumber(1 / ratio, 1)}× more`;
  return {
    neededEventsPerSec,
    measuredRowsPerSec,
    ratio,
    fits,
    sentence: `Your peak needs ${y}; this pipeline on this machine does ${x}; headroom ${x} ÷ ${y} = ${headroomRatioText(ratio)} (${verdict}).`,
  };
}
