// The held rows of a quarantine page (Arrow), as the fix form needs them: each row's values as the
// engine reads them back (exact text, NULL as null) to name the row, the same values as the small
// tables show them to prefill the form, and the checks the row failed.
import { tableFromIPC } from 'apache-arrow';
import type { ArrowPayload } from '../../../shared/api/index.js';
import { columnReader } from '../../components/grid/arrow-values.js';
import { temporalText } from '../../components/grid/temporal-text.js';

export interface HeldRow {
  /** 1-based position in the quarantined rows table. */
  position: number;
  /** Every column of the row as text (null for NULL): what names the row to the engine. */
  values: Record<string, string | null>;
  /** The model columns a fix may change (Ingot's own columns, starting with `_`, left out). */
  editable: string[];
  /** The editable values as the rows table shows them (null for NULL). */
  shown: Record<string, string | null>;
  failedChecks: string;
}

/** The rows of `page` (its first `limit`) that are held, not released. */
export function heldRows(page: ArrowPayload, limit: number): HeldRow[] {
  const table = tableFromIPC(page.ipc);
  const names = table.schema.fields.map((f) => f.name);
  const readers = names.map((_n, i) => columnReader(table.getChildAt(i) as NonNullable<ReturnType<typeof table.getChildAt>>));
  const editable = names.filter((n) => !n.startsWith('_'));
  const out: HeldRow[] = [];
  for (let r = 0; r < Math.min(limit, table.numRows); r++) {
    const values: Record<string, string | null> = {};
    const shown: Record<string, string | null> = {};
    let failedChecks = '';
    names.forEach((name, c) => {
      const cell = readers[c]?.(r);
      const text = cell === undefined || cell.kind === 'null' ? null : cell.text;
      if (name === '_failed_checks') failedChecks = text === null ? '' : listText(text);
      else values[name] = text;
      if (!name.startsWith('_')) shown[name] = text !== null && cell?.kind === 'temporal' ? (temporalText(text) ?? text) : text;
    });
    if (values._released_at === null || !('_released_at' in values)) out.push({ position: r + 1, values, editable, shown, failedChecks });
  }
  return out;
}

/** `["a","b"]` → `a, b`. */
function listText(json: string): string {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.map(String).join(', ') : json;
  } catch {
    return json;
  }
}
