// A small coloured label naming a verdict (or one machine whose data outgrows its disk), for tables and lists.
import type { VerdictStanding } from '../../../shared/capacity/index.js';
import { VERDICT_SHORT, VERDICT_TONE } from './verdict-labels.js';

export function VerdictPill({ standing }: { standing: VerdictStanding }) {
  return <span className={`pill cap-pill--${VERDICT_TONE[standing]}`}>{VERDICT_SHORT[standing]}</span>;
}
