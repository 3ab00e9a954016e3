// A column's most frequent values as a small table with a bar per value, so the counts can be
// read as numbers and compared at a glance.
import type { ColumnProfile } from '../../../shared/api/index.js';
import { formatCount } from '../../format/numbers.js';

export function TopValues({ column, rows }: { column: ColumnProfile; rows: number }) {
  const top = Math.max(1, ...column.topValues.map((v) => v.count));
  return (
    <table className="top-values" aria-label={`Most frequent values of ${column.name}`}>
      <tbody>
        {column.topValues.map((v) => (
          <tr key={v.value}>
            <th scope="row" className="top-values__value" title={v.value}>
              {v.value === '' ? <span className="null-value">(empty)</span> : v.value}
            </th>
            <td className="top-values__bar" aria-hidden="true">
              <span style={{ width: `${(v.count / top) * 100}%` }} />
            </td>
            <td className="num" title={rows > 0 ? `${((v.count / rows) * 100).toFixed(1)}% of rows` : undefined}>
              {formatCount(v.count)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
