// Errors for badly declared checks: each names the file, the line (of the field when known),
// the check, and what to change.
import { IngotError } from '../../shared/errors.js';
import type { CheckLocation } from './check-def.js';

/** A MODEL_INVALID error located at `field` of the check (or at the check itself). */
export function definitionError(location: CheckLocation, check: string, message: string, options: { field?: string; hint?: string } = {}): IngotError {
  const field = options.field === undefined ? undefined : writtenField(location, options.field);
  const line = (field !== undefined ? location.fields[field] : undefined) ?? location.line;
  const where = line !== undefined ? `${location.file}:${line}` : location.file;
  return new IngotError('MODEL_INVALID', `${where}: check ${check}: ${message}`, {
    hint: options.hint ?? `Fix the check in ${location.file}.`,
    detail: {
      file: location.file,
      ...(line !== undefined ? { line } : {}),
      ...(field !== undefined ? { field } : {}),
      check,
    },
  });
}

/** The key as written in YAML: `column:` and `columns:` are the same field. */
function writtenField(location: CheckLocation, field: string): string {
  if (location.fields[field] !== undefined) return field;
  const other = field.endsWith('s') ? field.slice(0, -1) : `${field}s`;
  return location.fields[other] !== undefined ? other : field;
}
