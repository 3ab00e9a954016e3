// Validates estimator inputs: fills defaults, checks every field with zod, then checks that no
// figure overflows what a JS number counts exactly. Each problem names its field, so a form can
// show it next to the input and the CLI can name the flag.
import { IngotError } from '../errors.js';
import { computeFigures, type CapacityFigures } from './figures.js';
import { formatBytes } from './format.js';
import { CapacityInputsSchema, DEFAULT_INPUTS, FIELDS, INPUT_FIELDS, type CapacityInputs, type InputField } from './inputs.js';

export interface FieldIssue {
  /** The CapacityInputs key (or an unknown key the user gave). */
  field: string;
  /** What is wrong, without the field name: "must be greater than 0, got -5". */
  message: string;
}

export type InputCheck = { ok: true; inputs: CapacityInputs; defaulted: InputField[] } | { ok: false; issues: FieldIssue[] };

/** Figures that must stay exact integers-scale numbers, and the inputs that each one brings in. */
const MAGNITUDE_CHAIN: readonly { figure: keyof CapacityFigures; label: string; bytes: boolean; fields: InputField[] }[] = [
  { figure: 'eventsPerDay', label: 'events per day', bytes: false, fields: ['usersPerDay', 'eventsPerUserPerDay'] },
  { figure: 'rawBytesPerDay', label: 'raw bytes per day', bytes: true, fields: ['bytesPerEvent'] },
  { figure: 'rawBytesPerYear', label: 'raw bytes per year', bytes: true, fields: ['bytesPerEvent'] },
  { figure: 'retainedRawBytes', label: 'raw bytes held under the retention', bytes: true, fields: ['retentionDays'] },
  { figure: 'peakDeliveriesPerSec', label: 'events delivered per second at peak', bytes: false, fields: ['consumers', 'peakFactor'] },
  { figure: 'projectedRetainedRawBytes', label: 'raw bytes held after the growth projection', bytes: true, fields: ['yearlyGrowthPercent', 'projectionYears'] },
  { figure: 'projectedMonthlyStorageCost', label: 'projected monthly storage cost', bytes: false, fields: ['storagePricePerTbMonth'] },
];

function magnitude(value: CapacityFigures[keyof CapacityFigures]): number {
  return typeof value === 'number' ? value : value.max;
}

/** The first figure that is not finite or exceeds Number.MAX_SAFE_INTEGER, blamed on the inputs it brings in. */
export function overflowIssues(figures: CapacityFigures): FieldIssue[] {
  for (const link of MAGNITUDE_CHAIN) {
    const value = magnitude(figures[link.figure]);
    if (Number.isFinite(value) && value <= Number.MAX_SAFE_INTEGER) continue;
    const shown = !Number.isFinite(value) ? 'infinite' : link.bytes ? `${formatBytes(value)} (${value.toExponential(2)} B)` : value.toExponential(2);
    const limit = link.bytes ? `${formatBytes(Number.MAX_SAFE_INTEGER)} (2^53 B)` : `${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')} (2^53)`;
    return link.fields.map((field) => ({
      field,
      message: `is absurdly large for this estimate: it makes ${link.label} ${shown}, beyond the ${limit} Ingot can compute exactly`,
    }));
  }
  return [];
}

/** Fills defaults for missing optional inputs, validates, and checks magnitudes. Never throws. */
export function checkInputs(raw: Readonly<Partial<Record<InputField, unknown>>>): InputCheck {
  const defaulted: InputField[] = [];
  const filled: Record<string, unknown> = { ...raw };
  for (const [field, value] of Object.entries(DEFAULT_INPUTS) as [InputField, unknown][]) {
    if (filled[field] === undefined) {
      filled[field] = value;
      defaulted.push(field);
    }
  }
  const parsed = CapacityInputsSchema.safeParse(filled);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((issue): FieldIssue[] => {
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: key, message: `is not an estimator input; known inputs: ${INPUT_FIELDS.join(', ')}` }));
      return [{ field: String(issue.path[0] ?? '(inputs)'), message: issue.message }];
    });
    return { ok: false, issues };
  }
  const issues = overflowIssues(computeFigures(parsed.data));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, inputs: parsed.data, defaulted };
}

/** "--users (users or sources per day): must be greater than 0, got -5". */
export function describeIssue(issue: FieldIssue, naming: 'flag' | 'yaml' | 'field' = 'field'): string {
  const info = (FIELDS as Partial<Record<string, (typeof FIELDS)[InputField]>>)[issue.field];
  if (!info) return `${issue.field}: ${issue.message}`;
  const name = naming === 'flag' ? info.flag : naming === 'yaml' ? info.yaml : issue.field;
  return `${name} (${info.label}): ${issue.message}`;
}

/** Like checkInputs, but throws an INVALID_INPUT IngotError naming the first bad field. */
export function parseInputs(raw: Readonly<Partial<Record<InputField, unknown>>>, naming: 'flag' | 'yaml' | 'field' = 'field'): { inputs: CapacityInputs; defaulted: InputField[] } {
  const check = checkInputs(raw);
  if (check.ok) return { inputs: check.inputs, defaulted: check.defaulted };
  const [first, ...rest] = check.issues;
  const more = rest.length > 0 ? ` (and ${rest.length} more: ${rest.map((i) => describeIssue(i, naming)).join('; ')})` : '';
  const firstIssue = first ?? { field: '(inputs)', message: 'are invalid' };
  return throwInvalid(`Invalid capacity input ${describeIssue(firstIssue, naming)}${more}`, firstIssue.field, check.issues);
}

function throwInvalid(message: string, field: string, issues: FieldIssue[]): never {
  const info = (FIELDS as Partial<Record<string, (typeof FIELDS)[InputField]>>)[field];
  throw new IngotError('INVALID_INPUT', message, {
    hint: info ? `Correct ${info.label} (${info.flag} on the command line, ${info.yaml} in a scenario file) and estimate again.` : 'Remove the unknown input and estimate again.',
    detail: { field, issues },
  });
}
