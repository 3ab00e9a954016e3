// Where an error happened, in one short line: `models/orders.sql:12:5`, a URL, a SQL position, or
// the form box the error is about. Engine field ids (`project-name`) are never shown as they are.
import type { ErrorLocation } from '../../shared/errors.js';

/** The app's label of each form box the engine names in `detail.field`. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  aggregate: 'Aggregate',
  x: 'Group by (x)',
  y: 'Value (y)',
  bucket: 'Bucket',
  bins: 'Bins',
  'project-name': 'Project name',
  layer: 'Layers',
  selection: 'Models to run',
  partitions: 'Partitions',
};

/** The field as a user knows it: a form box's label, or in a file the YAML key; otherwise nothing. */
function describeField(field: string, inFile: boolean): string | null {
  if (inFile) return /^[A-Za-z_][\w-]*$/.test(field) ? `at ${field}:` : null;
  const label = FIELD_LABELS[field];
  return label ? `in ${label}` : null;
}

export function describeLocation(detail: ErrorLocation | undefined): string | null {
  if (!detail) return null;
  const parts: string[] = [];
  if (detail.file) parts.push(detail.line ? `${detail.file}:${detail.line}${detail.column ? `:${detail.column}` : ''}` : detail.file);
  const field = detail.field ? describeField(detail.field, Boolean(detail.file)) : null;
  if (field) parts.push(field);
  if (detail.url) parts.push(detail.url);
  if (typeof detail.sqlPosition === 'number') parts.push(`SQL position ${detail.sqlPosition + 1}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}
