// The one rule for how a verdict reads once the advisory disk check is taken in: one machine that
// processes the data but cannot keep all of it under the retention is not plain "one machine".
// The headline, the storage chart, the sensitivity rows and the text reports all go through it.
import type { VerdictKind } from './verdict-measures.js';

/** A verdict kind, or one machine whose data held outgrows its disk. */
export type VerdictStanding = VerdictKind | 'single-machine-over-disk';

/** The standing of a verdict of `kind` whose data held does (or does not) outgrow one machine's disk. */
export function standingOf(kind: VerdictKind, outgrowsDisk: boolean): VerdictStanding {
  return kind === 'single-machine' && outgrowsDisk ? 'single-machine-over-disk' : kind;
}
