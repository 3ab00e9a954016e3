// Where an error happened, in one short line: `models/orders.sql:12:5`, a URL, a SQL position.
import type { ErrorLocation } from '../../shared/errors.js';

export function describeLocation(detail: ErrorLocation | undefined): string | null {
  if (!detail) return null;
  const parts: string[] = [];
  if (detail.file) parts.push(detail.line ? `${detail.file}:${detail.line}${detail.column ? `:${detail.column}` : ''}` : detail.file);
  if (detail.field) parts.push(`field ${detail.field}`);
  if (detail.url) parts.push(detail.url);
  if (typeof detail.sqlPosition === 'number') parts.push(`SQL position ${detail.sqlPosition + 1}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}
