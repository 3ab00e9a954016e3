// The schema of a saved scenario, capacity/<name>.yaml: snake_case keys, a compression range
// written "5-10", optional fields defaulted. Problems are reported on the YAML key, so the
// workspace YAML loader can point at the line.
import { z } from 'zod';
import { checkInputs } from './check-inputs.js';
import { compressionText } from './compression-range.js';
import { FIELDS, INPUT_FIELDS, type CapacityInputs, type InputField } from './inputs.js';

export interface Scenario {
  description?: string;
  inputs: CapacityInputs;
  /** Inputs the file left out, filled from the defaults. */
  defaulted: InputField[];
}

/** A scenario name is also its file name: letters, digits, '-', '_' and '.'. */
export const SCENARIO_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

const fileShape: Record<string, z.ZodType> = {
  description: z.string({ error: 'must be text' }).optional(),
  ...Object.fromEntries(INPUT_FIELDS.map((f) => [FIELDS[f].yaml, z.unknown().optional()])),
};

export const ScenarioFileSchema = z
  .object(fileShape)
  .strict()
  .transform((file: Record<string, unknown>, ctx): Scenario => {
    const raw: Partial<Record<InputField, unknown>> = {};
    for (const field of INPUT_FIELDS) raw[field] = file[FIELDS[field].yaml];
    const check = checkInputs(raw);
    if (!check.ok) {
      for (const issue of check.issues) {
        const yamlKey = (FIELDS as Partial<Record<string, (typeof FIELDS)[InputField]>>)[issue.field]?.yaml ?? issue.field;
        ctx.issues.push({ code: 'custom', path: [yamlKey], message: issue.message, input: file[yamlKey] });
      }
      return z.NEVER;
    }
    const description = typeof file.description === 'string' ? file.description : undefined;
    return { ...(description !== undefined ? { description } : {}), inputs: check.inputs, defaulted: check.defaulted };
  });

/** The plain object written to capacity/<name>.yaml for `inputs` (every field, in form order). */
export function scenarioFileObject(inputs: CapacityInputs, description?: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (description) out.description = description;
  for (const field of INPUT_FIELDS) {
    const value = inputs[field];
    out[FIELDS[field].yaml] = typeof value === 'object' ? compressionText(value) : value;
  }
  return out;
}
