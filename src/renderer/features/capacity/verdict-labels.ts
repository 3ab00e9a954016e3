// How the screen names the three verdicts: a headline, a short label for tables, and a tone.
import type { VerdictKind } from '../../../shared/capacity/index.js';

export const VERDICT_HEADLINE: Readonly<Record<VerdictKind, string>> = {
  'single-machine': 'One machine is enough',
  'streaming-buffer': 'A streaming buffer is needed',
  distributed: 'Distributed processing is needed',
};

export const VERDICT_SHORT: Readonly<Record<VerdictKind, string>> = {
  'single-machine': 'one machine',
  'streaming-buffer': 'streaming buffer',
  distributed: 'distributed',
};

export const VERDICT_TONE: Readonly<Record<VerdictKind, 'ok' | 'warn' | 'bad'>> = {
  'single-machine': 'ok',
  'streaming-buffer': 'warn',
  distributed: 'bad',
};
