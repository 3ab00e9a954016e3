// Sensitivity analysis: vary each input (×0.5 and ×2 by default; freshness one step each way)
// and report which inputs move the verdict, the peak rate and the storage most.
import { checkInputs } from './check-inputs.js';
import { computeFigures } from './figures.js';
import { formatNumber } from './format.js';
import { formatInput } from './input-display.js';
import { FIELDS, FRESHNESS_TARGETS, INPUT_FIELDS, type CapacityInputs, type InputField } from './inputs.js';
import { DEFAULT_PROFILE, type MachineProfile } from './profile.js';
import { kindOf, measureVerdict, type VerdictKind } from './verdict-measures.js';
import { standingOf, type VerdictStanding } from './verdict-standing.js';

export interface SensitivityVariant {
  /** "×0.5", "×2", "hourly" … */
  label: string;
  /** The varied input as text. */
  value: string;
  verdict: VerdictKind;
  /** The verdict as shown: one machine whose data held outgrows its disk is told apart. */
  standing: VerdictStanding;
  peakEventsPerSec: number;
  /** Upper end of the storage held under the retention. */
  retainedBytes: number;
  /** Variant / base, for peak and storage. */
  peakRatio: number;
  storageRatio: number;
}

export interface SensitivityRow {
  field: InputField;
  label: string;
  /** Variants that differ from the base and stay valid (a clamped or invalid variant is left out). */
  variants: SensitivityVariant[];
  movesVerdict: boolean;
  /** Largest |log2| of the peak and storage ratios: 1 means the variant halves or doubles it. */
  peakSwing: number;
  storageSwing: number;
}

export interface Sensitivity {
  base: { verdict: VerdictKind; standing: VerdictStanding; peakEventsPerSec: number; retainedBytes: number };
  /** Most influential first: inputs that move the verdict, then by the larger swing. */
  rows: SensitivityRow[];
  movesVerdict: InputField[];
  movesPeakMost: InputField[];
  movesStorageMost: InputField[];
}

function varied(inputs: CapacityInputs, field: InputField, factor: number): CapacityInputs | undefined {
  if (field === 'freshness') {
    const at = FRESHNESS_TARGETS.indexOf(inputs.freshness) + (factor > 1 ? 1 : -1);
    const next = FRESHNESS_TARGETS[at];
    return next ? { ...inputs, freshness: next } : undefined;
  }
  if (field === 'compression') return { ...inputs, compression: { min: inputs.compression.min * factor, max: inputs.compression.max * factor } };
  const limits = FIELDS[field].limits;
  let value = inputs[field] * factor;
  if (limits?.integer) value = Math.max(1, Math.round(value));
  if (limits && !limits.exclusive) value = Math.max(limits.min, value);
  return value === inputs[field] ? undefined : { ...inputs, [field]: value };
}

const swing = (ratios: number[]): number => Math.max(0, ...ratios.map((r) => Math.abs(Math.log2(r))));
const topBy = (rows: SensitivityRow[], key: 'peakSwing' | 'storageSwing'): InputField[] => {
  const best = Math.max(...rows.map((r) => r[key]));
  return best > 1e-9 ? rows.filter((r) => Math.abs(r[key] - best) < 1e-9).map((r) => r.field) : [];
};

/** Varies every input by `low`/`high` factors around `inputs` (which must be valid). */
export function analyzeSensitivity(inputs: CapacityInputs, profile: MachineProfile = DEFAULT_PROFILE, factors = { low: 0.5, high: 2 }): Sensitivity {
  const outcome = (i: CapacityInputs): { verdict: VerdictKind; standing: VerdictStanding; peak: number; storage: number } => {
    const f = computeFigures(i);
    const m = measureVerdict(i, f, profile);
    const verdict = kindOf(m);
    return { verdict, standing: standingOf(verdict, m.disk.triggered), peak: f.peakEventsPerSec, storage: f.retainedBytes.max };
  };
  const base = outcome(inputs);
  const rows = INPUT_FIELDS.map((field): SensitivityRow => {
    const variants: SensitivityVariant[] = [];
    for (const factor of [factors.low, factors.high]) {
      const candidate = varied(inputs, field, factor);
      const check = candidate ? checkInputs(candidate) : undefined;
      if (!check?.ok) continue;
      const e = outcome(check.inputs);
      variants.push({
        label: field === 'freshness' ? check.inputs.freshness : `×${formatNumber(factor, 2)}`,
        value: formatInput(check.inputs, field),
        verdict: e.verdict,
        standing: e.standing,
        peakEventsPerSec: e.peak,
        retainedBytes: e.storage,
        peakRatio: e.peak / base.peak,
        storageRatio: e.storage / base.storage,
      });
    }
    return {
      field,
      label: FIELDS[field].label,
      variants,
      movesVerdict: variants.some((v) => v.standing !== base.standing),
      peakSwing: swing(variants.map((v) => v.peakRatio)),
      storageSwing: swing(variants.map((v) => v.storageRatio)),
    };
  });
  const ranked = [...rows].sort((a, b) => Number(b.movesVerdict) - Number(a.movesVerdict) || Math.max(b.peakSwing, b.storageSwing) - Math.max(a.peakSwing, a.storageSwing));
  return {
    base: { verdict: base.verdict, standing: base.standing, peakEventsPerSec: base.peak, retainedBytes: base.storage },
    rows: ranked,
    movesVerdict: ranked.filter((r) => r.movesVerdict).map((r) => r.field),
    movesPeakMost: topBy(rows, 'peakSwing'),
    movesStorageMost: topBy(rows, 'storageSwing'),
  };
}
