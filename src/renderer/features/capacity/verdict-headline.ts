// The verdict's headline and summary as the screen shows them: the verdict's own words, except
// when one machine does the processing but an advisory check (the disk) says the data kept does
// not fit it; then the headline says both, so it never contradicts the limits shown below it.
import { standingOf, type Verdict } from '../../../shared/capacity/index.js';
import { VERDICT_HEADLINE, VERDICT_TONE } from './verdict-labels.js';

export interface VerdictHeadline {
  title: string;
  summary: string;
  tone: 'ok' | 'warn' | 'bad';
}

export function verdictHeadline(verdict: Verdict): VerdictHeadline {
  const standing = standingOf(verdict.kind, verdict.checks.some((c) => c.id === 'local-disk' && c.triggered));
  const summary =
    standing === 'single-machine-over-disk'
      ? 'Processing fits one machine with embedded DuckDB (no streaming log, no cluster), but the data kept under the retention is more than one machine’s disk holds comfortably (an advisory limit).'
      : verdict.summary;
  return { title: VERDICT_HEADLINE[standing], summary, tone: VERDICT_TONE[standing] };
}
