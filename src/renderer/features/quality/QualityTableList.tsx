// Every checked table, worst first: its score, verdict, how its checks went over how many rows
// (for an incremental run, only the rows it took in), and how many rows its quarantine holds now,
// from every run so far; one click opens its checks.
import type { TableQuality } from '../../../shared/api/index.js';
import { formatCount } from '../../format/numbers.js';
import { formatAgo } from '../../format/time.js';
import { qualityId } from '../../stores/quality/selectors.js';
import { outcomeLabel, outcomePill } from './check-labels.js';

export function QualityTableList({ tables, selected, onSelect }: { tables: readonly TableQuality[]; selected: string | null; onSelect(id: string): void }) {
  return (
    <div className="table-scroll">
      <table className="data-table quality-list" aria-label="Checked tables">
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col">Score</th>
            <th scope="col">Verdict</th>
            <th scope="col">Checks</th>
            <th scope="col">Rows checked</th>
            <th scope="col">Held now</th>
            <th scope="col">Checked</th>
          </tr>
        </thead>
        <tbody>
          {tables.map((t) => {
            const id = qualityId(t);
            const failing = t.checks.filter((c) => c.status !== 'pass').length;
            return (
              <tr key={id} aria-selected={id === selected} className={id === selected ? 'quality-list__row--selected' : undefined}>
                <th scope="row">
                  <button type="button" className="button--link" onClick={() => onSelect(id)} aria-label={`Checks of ${id}`}>
                    <span className={`layer-badge layer-badge--${t.layer}`}>{t.layer}</span> {t.table}
                  </button>
                </th>
                <td className="num">{t.score === null ? '—' : t.score.toFixed(1)}</td>
                <td>
                  <span className={outcomePill(t.outcome)}>{outcomeLabel(t.outcome)}</span>
                </td>
                <td>{failing === 0 ? `${t.checks.length} passed` : `${failing} of ${t.checks.length} not passed`}</td>
                <td className="num">{t.rowsChecked === undefined ? '—' : formatCount(t.rowsChecked)}</td>
                <td className="num">{formatCount(t.held ?? 0)}</td>
                <td>{t.checkedAt ? formatAgo(t.checkedAt) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
