// A labelled drop-down of the chart builder: the label names the control for screen readers too.
import { useId } from 'react';

export interface Choice {
  value: string;
  label: string;
}

export function SelectField({ label, value, choices, onChange }: { label: string; value: string; choices: readonly Choice[]; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className="chart-builder__field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Choices whose labels are their values. */
export function plainChoices(values: readonly string[]): Choice[] {
  return values.map((value) => ({ value, label: value }));
}
