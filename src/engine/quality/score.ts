// The quality score of a table: one number, 0–100, from the latest evaluation of its checks.
//
//   score = 100 × Σ w·p / Σ w   over the checks of the table's latest evaluation
//   w = 3 for severity error, 2 for quarantine, 1 for warn
//   p = 1                      the check passed
//       1 − failing / total    a row-level check (not_null, unique, accepted_values, range,
//                              pattern, relationships, expression) warned or failed: the share
//                              of rows that pass it
//       0.5                    a table-level check (row_count, assert, freshness, anomaly,
//                              contract, schema drift) warned
//       0                      a table-level check failed, or any check could not be judged
//
// Rounded to one decimal. A table without checks has no score (null). Freshness counts like any
// other check, so a stale table loses points even when its rows are clean.
import { ROW_LEVEL_KINDS } from './check-schema.js';
import type { CheckResult } from './gate.js';

const WEIGHTS: Record<CheckResult['severity'], number> = { error: 3, quarantine: 2, warn: 1 };

/** The score of one evaluation's results; null when there are none. */
export function qualityScore(results: readonly Pick<CheckResult, 'kind' | 'severity' | 'status' | 'failingRows' | 'totalRows'>[]): number | null {
  if (results.length === 0) return null;
  let weighted = 0;
  let weights = 0;
  for (const r of results) {
    const w = WEIGHTS[r.severity];
    weights += w;
    weighted += w * passShare(r);
  }
  return Math.round((1000 * weighted) / weights) / 10;
}

function passShare(r: Pick<CheckResult, 'kind' | 'status' | 'failingRows' | 'totalRows'>): number {
  if (r.status === 'pass') return 1;
  if (r.status === 'error') return 0;
  if (ROW_LEVEL_KINDS.has(r.kind)) return r.totalRows > 0 ? Math.max(0, 1 - r.failingRows / r.totalRows) : 0;
  return r.status === 'warn' ? 0.5 : 0;
}

/** The formula in words, for the UI's "how is this computed?" and `ingot check --help`. */
export function describeScore(): string {
  return [
    'Quality score (0–100) of a table, from the latest evaluation of its checks:',
    '  score = 100 × Σ w·p / Σ w',
    '  w (weight) = 3 for error checks, 2 for quarantine checks, 1 for warn checks',
    '  p (pass share) = 1 when the check passed;',
    '    for a row-level check that warned or failed: the share of rows that pass it (1 − failing / total);',
    '    for a table-level check (row_count, assert, freshness, anomaly, contract, schema drift): 0.5 if it warned, 0 if it failed;',
    '    0 when the check could not be judged.',
    'A table without checks has no score.',
  ].join('\n');
}
