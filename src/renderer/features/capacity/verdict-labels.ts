// How the screen names the verdicts: a headline, a short label for tables, and a tone, for each
// verdict kind and for one machine whose data held outgrows its disk (see verdict-standing.ts).
import type { VerdictStanding } from '../../../shared/capacity/index.js';

export const VERDICT_HEADLINE: Readonly<Record<VerdictStanding, string>> = {
  'single-machine': 'One machine is enough',
  'single-machine-over-disk': 'One machine can process it, but not keep all the data',
  'streaming-buffer': 'A streaming buffer is needed',
  distributed: 'Distributed processing is needed',
};

export const VERDICT_SHORT: Readonly<Record<VerdictStanding, string>> = {
  'single-machine': 'one machine',
  'single-machine-over-disk': 'one machine, data outgrows its disk',
  'streaming-buffer': 'streaming buffer',
  distributed: 'distributed',
};

export const VERDICT_TONE: Readonly<Record<VerdictStanding, 'ok' | 'warn' | 'bad'>> = {
  'single-machine': 'ok',
  'single-machine-over-disk': 'warn',
  'streaming-buffer': 'warn',
  distributed: 'bad',
};
