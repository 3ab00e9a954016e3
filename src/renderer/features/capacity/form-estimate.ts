// The form's estimate: the typed fields through the pure estimator, with each problem filed under
// its field so the form can show it next to the input. Cheap enough to run on every keystroke.
import { REQUIRED_FIELDS, tryEstimate, type CapacityEstimate, type InputField, type MachineProfile } from '../../../shared/capacity/index.js';
import { isBlank, rawInputs, type FieldTexts } from '../../stores/capacity/field-text.js';

export interface FormEstimate {
  /** Nothing typed yet in the inputs without a default: teach, do not scold. */
  blank: boolean;
  estimate: CapacityEstimate | null;
  /** Messages per field (without the field's name), empty when the inputs are valid. */
  issues: Partial<Record<InputField, string[]>>;
  /** Fields left empty, estimated at their default. */
  defaulted: InputField[];
}

/** Estimates from the typed fields with `profile`'s thresholds. */
export function estimateForm(fields: FieldTexts, profile: MachineProfile): FormEstimate {
  const blank = isBlank(fields, REQUIRED_FIELDS);
  const attempt = tryEstimate(rawInputs(fields), profile);
  if (attempt.ok) return { blank, estimate: attempt.estimate, issues: {}, defaulted: attempt.defaulted };
  const issues: Partial<Record<InputField, string[]>> = {};
  for (const issue of attempt.issues) {
    const field = issue.field as InputField;
    issues[field] = [...(issues[field] ?? []), issue.message];
  }
  return { blank, estimate: null, issues, defaulted: [] };
}
