// The estimator form's fields as the user types them, and the conversions both ways: typed text
// to the raw values the pure estimator validates ("10,000,000" reads as a number, "" means the
// default, anything unreadable goes to validation as text so the message quotes it), and saved
// inputs back to text.
import { compressionText, DEFAULT_INPUTS, INPUT_FIELDS, type CapacityInputs, type InputField } from '../../../shared/capacity/index.js';

export type FieldTexts = Readonly<Record<InputField, string>>;

/** Numbers as a person types them: thousands separators, underscores and spaces are ignored. */
function readNumber(text: string): number | string {
  const cleaned = text.replace(/[\s_,]/g, '');
  const n = Number(cleaned);
  return cleaned === '' || Number.isNaN(n) ? text.trim() : n;
}

/** The raw value of one field for `tryEstimate`; undefined (use the default) when left empty. */
export function rawValue(field: InputField, text: string): unknown {
  if (text.trim() === '') return undefined;
  if (field === 'compression' || field === 'freshness') return text.trim();
  return readNumber(text);
}

/** Every field's raw value, leaving out the empty ones. */
export function rawInputs(texts: FieldTexts): Partial<Record<InputField, unknown>> {
  const raw: Partial<Record<InputField, unknown>> = {};
  for (const field of INPUT_FIELDS) {
    const value = rawValue(field, texts[field]);
    if (value !== undefined) raw[field] = value;
  }
  return raw;
}

/** A number as the form shows it: grouped thousands, no float noise ("10,000,000", "5.4"). */
export function numberText(value: number): string {
  const clean = Number(value.toPrecision(12));
  return clean.toLocaleString('en-US', { maximumFractionDigits: 10, useGrouping: true });
}

/** The text of one input value. */
export function inputText(field: InputField, inputs: Pick<CapacityInputs, InputField>): string {
  if (field === 'compression') return compressionText(inputs.compression);
  if (field === 'freshness') return inputs.freshness;
  return numberText(inputs[field]);
}

/** Every field's text for `inputs` (a loaded scenario). */
export function textsOf(inputs: CapacityInputs): FieldTexts {
  return Object.fromEntries(INPUT_FIELDS.map((f) => [f, inputText(f, inputs)])) as Record<InputField, string>;
}

/** A new form: the three volume inputs empty, everything else at the estimator's defaults. */
export function blankTexts(): FieldTexts {
  const texts = {} as Record<InputField, string>;
  for (const field of INPUT_FIELDS) {
    texts[field] = field in DEFAULT_INPUTS ? inputText(field, DEFAULT_INPUTS as CapacityInputs) : '';
  }
  return texts;
}

/** The worked example of capacity planning: 10 M daily users × 50 events of 1 KB, a 3× peak. */
export function exampleTexts(): FieldTexts {
  return { ...blankTexts(), usersPerDay: numberText(10_000_000), eventsPerUserPerDay: '50', bytesPerEvent: numberText(1000), peakFactor: '3' };
}

/** True while the user has typed none of the inputs that have no default. */
export function isBlank(texts: FieldTexts, required: readonly InputField[]): boolean {
  return required.every((f) => texts[f].trim() === '');
}
