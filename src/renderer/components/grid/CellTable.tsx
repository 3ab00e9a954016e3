// A few rows of display values as a small read-only table: NULLs marked, numbers right-aligned.
import type { CellValue } from './arrow-values.js';

export function CellTable({ label, names, cells }: { label: string; names: readonly string[]; cells: readonly (readonly CellValue[])[] }) {
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
