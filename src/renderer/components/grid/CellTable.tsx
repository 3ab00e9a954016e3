// A few rows of display values as a small read-only table: NULLs marked, numbers right-aligned,
// dates and timestamps in one form and never broken across lines.
import type { CellValue } from './arrow-values.js';
import { temporalText } from './temporal-text.js';

function cellClass(cell: CellValue): string | undefined {
  if (cell.align === 'right') return 'num';
  if (cell.kind === 'null') return 'null-value';
  return cell.kind === 'temporal' ? 'nowrap' : undefined;
}

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
                <td key={c} className={cellClass(cell)}>
                  {cell.kind === 'temporal' ? (temporalText(cell.text) ?? cell.text) : cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
