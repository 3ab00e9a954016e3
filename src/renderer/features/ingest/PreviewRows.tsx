// The first rows of a preview, as DuckDB read them with the inferred types: a small read-only
// table (NULLs marked, numbers right-aligned), decoded from the preview's Arrow bytes.
import { tableFromIPC } from 'apache-arrow';
import { useMemo } from 'react';
import type { ArrowPayload } from '../../../shared/api/index.js';
import { columnReader } from '../../components/grid/arrow-values.js';

export function PreviewRows({ label, rows, limit = 10 }: { label: string; rows: ArrowPayload; limit?: number }) {
  const { names, cells } = useMemo(() => {
    const table = tableFromIPC(rows.ipc);
    const readers = table.schema.fields.map((_f, i) => columnReader(table.getChildAt(i) as NonNullable<ReturnType<typeof table.getChildAt>>));
    const count = Math.min(limit, table.numRows);
    return { names: table.schema.fields.map((f) => f.name), cells: Array.from({ length: count }, (_r, row) => readers.map((read) => read(row))) };
  }, [rows, limit]);
  if (cells.length === 0) return <p className="hint">The file holds no data rows.</p>;
  return (
    <div className="preview-rows">
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            {names.map((n) => (
              <th key={n} scope="col">
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c} className={cell.align === 'right' ? 'num' : cell.kind === 'null' ? 'null-value' : undefined}>
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
