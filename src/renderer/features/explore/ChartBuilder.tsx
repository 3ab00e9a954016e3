// The chart's settings: group by x (dates by calendar bucket, numbers in bins or by value),
// aggregate y (or count rows), order and how many groups to show. Every change redraws.
import { useId, useState } from 'react';
import { AGGREGATES, TIME_BUCKETS, type TableProfile } from '../../../shared/api/index.js';
import { DEFAULT_BINS, groupLimit, MAX_GROUPS, parseGroupLimit, xKindOf } from '../../stores/explore/chart-spec.js';
import type { ChartSpec } from '../../stores/explore/initial-state.js';
import { plainChoices, SelectField, type Choice } from './SelectField.js';

const BIN_CHOICES: readonly Choice[] = [{ value: 'value', label: 'each value' }, ...[10, DEFAULT_BINS, 50].map((n) => ({ value: String(n), label: `${n} bins` }))];

export function ChartBuilder({ spec, profile, onChange }: { spec: ChartSpec; profile: TableProfile; onChange(patch: Partial<ChartSpec>): void }) {
  const limitId = useId();
  const limitErrorId = useId();
  const kind = xKindOf(spec, profile);
  const shownLimit = groupLimit(spec, profile);
  // What the user typed while it is not a valid number of groups; the chart keeps the last valid one.
  const [limitDraft, setLimitDraft] = useState<{ text: string; message: string } | null>(null);
  const changeLimit = (text: string): void => {
    const parsed = parseGroupLimit(text);
    if (parsed.ok) {
      setLimitDraft(null);
      onChange({ limit: parsed.limit });
    } else setLimitDraft({ text, message: parsed.message });
  };
  const columns = profile.columns.map((c) => ({ value: c.name, label: `${c.name} · ${c.kind}` }));
  const inXOrder = kind === 'temporal' || (kind === 'number' && spec.bins !== null);
  return (
    <form className="chart-builder" aria-label="Chart settings" onSubmit={(e) => e.preventDefault()}>
      <SelectField label="Group by (x)" value={spec.x ?? ''} choices={spec.x === null ? [{ value: '', label: 'Choose a column…' }, ...columns] : columns} onChange={(x) => onChange({ x })} />
      {kind === 'temporal' ? (
        <SelectField label="Bucket" value={spec.bucket} choices={plainChoices(TIME_BUCKETS)} onChange={(v) => onChange({ bucket: TIME_BUCKETS.find((b) => b === v) ?? 'month' })} />
      ) : null}
      {kind === 'number' ? (
        <SelectField label="Bins" value={spec.bins === null ? 'value' : String(spec.bins)} choices={BIN_CHOICES} onChange={(v) => onChange({ bins: v === 'value' ? null : Number(v) })} />
      ) : null}
      <SelectField label="Aggregate" value={spec.aggregate} choices={plainChoices(AGGREGATES)} onChange={(v) => onChange({ aggregate: AGGREGATES.find((a) => a === v) ?? 'count' })} />
      <SelectField label="Value (y)" value={spec.y ?? ''} choices={[{ value: '', label: 'rows' }, ...columns]} onChange={(y) => onChange({ y: y === '' ? null : y })} />
      <SelectField
        label="Order"
        value={spec.order ?? ''}
        choices={[
          { value: '', label: inXOrder ? 'by x (default)' : 'largest first (default)' },
          { value: 'value', label: 'largest first' },
          { value: 'x', label: 'by x' },
        ]}
        onChange={(v) => onChange({ order: v === 'value' || v === 'x' ? v : null })}
      />
      <div className="chart-builder__field chart-builder__field--narrow">
        <label className="field__label" htmlFor={limitId}>
          Groups shown
        </label>
        <input
          id={limitId}
          className="input"
          type="number"
          min={1}
          max={MAX_GROUPS}
          step={1}
          value={limitDraft?.text ?? String(shownLimit)}
          aria-invalid={limitDraft !== null}
          aria-describedby={limitDraft ? limitErrorId : undefined}
          onChange={(e) => changeLimit(e.target.value)}
        />
        {limitDraft ? (
          <p id={limitErrorId} className="field__error" role="alert">
            {limitDraft.message} The chart still shows {shownLimit.toLocaleString('en-US')}.
          </p>
        ) : null}
      </div>
    </form>
  );
}
