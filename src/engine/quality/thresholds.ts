// Thresholds such as `error_if: ">1%"` and `warn_if: ">0"`, and the rule that turns a check's
// failing-row count into its status. Defaults: every severity warns above 0 failing rows;
// `error` fails above 0 unless `error_if` says otherwise; `error_if`, when given, fails any check.
import { THRESHOLD_RE } from './check-schema.js';
import type { CheckDef } from './check-def.js';

export interface Threshold {
  op: '>' | '>=' | '<' | '<=' | '=' | '!=';
  value: number;
  /** The value is a percentage of the rows checked. */
  percent: boolean;
  /** As written, for messages. */
  text: string;
}

/** Parses a threshold already validated by the schema. */
export function parseThreshold(text: string): Threshold {
  const m = THRESHOLD_RE.exec(text);
  if (!m) throw new Error(`not a threshold: ${text}`);
  return { op: m[1] as Threshold['op'], value: Number(m[2]), percent: m[3] === '%', text: text.trim() };
}

/** True when `failing` (out of `total`) meets the threshold. */
export function thresholdMet(t: Threshold, failing: number, total: number): boolean {
  const x = t.percent ? (total > 0 ? (100 * failing) / total : 0) : failing;
  switch (t.op) {
    case '>':
      return x > t.value;
    case '>=':
      return x >= t.value;
    case '<':
      return x < t.value;
    case '<=':
      return x <= t.value;
    case '=':
      return x === t.value;
    case '!=':
      return x !== t.value;
  }
}

export const ABOVE_ZERO: Threshold = { op: '>', value: 0, percent: false, text: '>0' };

/** pass | warn | fail for a check that found `failing` bad rows (or violations) out of `total`. */
export function statusFor(def: Pick<CheckDef, 'severity' | 'errorIf' | 'warnIf'>, failing: number, total: number): 'pass' | 'warn' | 'fail' {
  const errorIf = def.errorIf ?? (def.severity === 'error' ? ABOVE_ZERO : undefined);
  if (errorIf && thresholdMet(errorIf, failing, total)) return 'fail';
  if (thresholdMet(def.warnIf ?? ABOVE_ZERO, failing, total)) return 'warn';
  return 'pass';
}
