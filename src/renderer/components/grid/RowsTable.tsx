// A few rows as a small read-only table (NULLs marked, numbers right-aligned), decoded from Arrow
// bytes: a file's first rows in a preview, the rows a check quarantined.
import { tableFromIPC } from 'apache-arrow';
import { useMemo } from 'react';
import type { ArrowPayload } from '../../../shared/api/index.js';
import { columnReader } from './arrow-values.js';
import { CellTable } from './CellTable.js';

export function RowsTable({ label, rows, limit = 10, emptyText }: { label: string; rows: ArrowPayload; limit?: number; emptyText: string }) {
  const { names, cells } = useMemo(() => {
    const table = tableFromIPC(rows.ipc);
    const readers = table.schema.fields.map((_f, i) => columnReader(table.getChildAt(i) as NonNullable<ReturnType<typeof table.getChildAt>>));
    const count = Math.min(limit, table.numRows);
    return { names: table.schema.fields.map((f) => f.name), cells: Array.from({ length: count }, (_r, row) => readers.map((read) => read(row))) };
  }, [rows, limit]);
  if (cells.length === 0) return <p className="hint">{emptyText}</p>;
  return <CellTable label={label} names={names} cells={cells} />;
}
