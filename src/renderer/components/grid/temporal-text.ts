// Dates and timestamps in the app's small tables (file previews, failing rows, quarantined rows)
// in one form, whether they came as Arrow values (ISO 8601) or as JSON text written by DuckDB:
// `2024-01-16 21:41:45`, fraction only when not zero, `+00` for UTC.

const DATE = /^\d{4,}-\d{2}-\d{2}$/;
const TIMESTAMP = /^(\d{4,}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** `text` in the small tables' form when it is a date or timestamp; null otherwise. */
export function temporalText(text: string): string | null {
  if (DATE.test(text)) return text;
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const [, day, clock, fraction = '', zone = ''] = match;
  const kept = fraction.replace(/0+$/, '');
  return `${day} ${clock}${kept === '' ? '' : `.${kept}`}${zone === 'Z' ? '+00' : zone}`;
}
