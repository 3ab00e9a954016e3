// Up to 20 sample failing rows of a check (stored as JSON records) as a small table.
import { NULL_VALUE, type CellValue } from '../../components/grid/arrow-values.js';
import { CellTable } from '../../components/grid/CellTable.js';
import { temporalText } from '../../components/grid/temporal-text.js';

function cell(value: unknown): CellValue {
  if (value === null || value === undefined) return NULL_VALUE;
  if (typeof value === 'number') return { text: String(value), kind: 'number', align: 'right' };
  if (typeof value === 'boolean') return { text: String(value), kind: 'boolean', align: 'left' };
  // Dates and timestamps come as DuckDB's text; shown like the quarantined rows' Arrow values.
  if (typeof value === 'string' && temporalText(value) !== null) return { text: value, kind: 'temporal', align: 'left' };
  return { text: typeof value === 'object' ? JSON.stringify(value) : String(value), kind: 'text', align: 'left' };
}

export function SampleRows({ label, rows }: { label: string; rows: readonly Record<string, unknown>[] }) {
  if (rows.length === 0) return <p className="hint">No sample rows: the check judges the table as a whole.</p>;
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return <CellTable label={label} names={names} cells={rows.map((row) => names.map((n) => cell(row[n])))} />;
}
