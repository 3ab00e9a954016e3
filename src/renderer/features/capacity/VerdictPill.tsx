// A small coloured label naming a verdict, for tables and lists.
import type { VerdictKind } from '../../../shared/capacity/index.js';
import { VERDICT_SHORT, VERDICT_TONE } from './verdict-labels.js';

export function VerdictPill({ kind }: { kind: VerdictKind }) {
  return <span className={`pill cap-pill--${VERDICT_TONE[kind]}`}>{VERDICT_SHORT[kind]}</span>;
}
