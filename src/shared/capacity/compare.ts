// Side-by-side comparison of estimates: one row per input, per worked step and for the verdict,
// one column per scenario, so the CLI prints a table and the UI renders a grid.
import type { CapacityEstimate } from './estimate.js';
import { formatInput } from './input-display.js';
import { FIELDS, INPUT_FIELDS } from './inputs.js';

export interface ComparisonRow {
  id: string;
  label: string;
  kind: 'input' | 'step' | 'verdict';
  /** One display string per scenario, in the order of `names`. */
  values: string[];
  /** True when the scenarios disagree on this row. */
  differs: boolean;
}

export interface Comparison {
  names: string[];
  rows: ComparisonRow[];
}

/** Compares named estimates; the order of `scenarios` is the column order. */
export function compareEstimates(scenarios: readonly { name: string; estimate: CapacityEstimate }[]): Comparison {
  const row = (id: string, label: string, kind: ComparisonRow['kind'], values: string[]): ComparisonRow => ({
    id,
    label,
    kind,
    values,
    differs: new Set(values).size > 1,
  });
  const inputs = INPUT_FIELDS.map((field) =>
    row(
      field,
      FIELDS[field].label,
      'input',
      scenarios.map((s) => formatInput(s.estimate.inputs, field)),
    ),
  );
  const first = scenarios[0]?.estimate.steps ?? [];
  const steps = first.map((step, index) => row(step.id, step.name, 'step', scenarios.map((s) => s.estimate.steps[index]?.display ?? '')));
  const verdict = row('verdict', 'verdict', 'verdict', scenarios.map((s) => s.estimate.verdict.kind));
  return { names: scenarios.map((s) => s.name), rows: [...inputs, ...steps, verdict] };
}
