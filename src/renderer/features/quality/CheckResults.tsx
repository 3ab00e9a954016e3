// The checks of one table in its latest evaluation: status, severity, failing rows, what was
// wrong and where the check is declared; "Details" shows sample failing rows and the SQL used.
import { Fragment, useState } from 'react';
import type { TableQuality } from '../../../shared/api/index.js';
import { formatCount } from '../../format/numbers.js';
import { checkStatusLabel, checkStatusPill } from './check-labels.js';
import { SampleRows } from './SampleRows.js';

export function CheckResults({ table }: { table: TableQuality }) {
  const [open, setOpen] = useState<string | null>(null);
  const id = `${table.layer}.${table.table}`;
  if (table.checks.length === 0) return <p className="hint">{id} declares no checks.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table check-results" aria-label={`Checks of ${id}`}>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Status</th>
            <th scope="col">Severity</th>
            <th scope="col">Failing rows</th>
            <th scope="col">Message</th>
            <th scope="col">Declared in</th>
            <th scope="col" aria-label="Details" />
          </tr>
        </thead>
        <tbody>
          {table.checks.map((check) => {
            const expanded = open === check.name;
            return (
              <Fragment key={check.name}>
                <tr>
                  <th scope="row">
                    <code>{check.name}</code>
                  </th>
                  <td>
                    <span className={checkStatusPill(check.status)}>{checkStatusLabel(check.status)}</span>
                  </td>
                  <td>{check.severity}</td>
                  <td className="num">
                    {formatCount(check.failingRows)}
                    {check.totalRows > 0 ? ` of ${formatCount(check.totalRows)}` : ''}
                  </td>
                  <td>{check.message}</td>
                  <td className="nowrap">{check.file ? <code>{check.line ? `${check.file}:${check.line}` : check.file}</code> : '—'}</td>
                  <td>
                    <button type="button" className="button button--small" aria-expanded={expanded} aria-label={`Details of ${check.name}`} onClick={() => setOpen(expanded ? null : check.name)}>
                      {expanded ? 'Hide' : 'Details'}
                    </button>
                  </td>
                </tr>
                {expanded ? (
                  <tr className="check-results__details">
                    <td colSpan={7}>
                      <SampleRows label={`Failing rows of ${check.name}`} rows={check.samples} />
                      <details>
                        <summary>SQL used</summary>
                        <pre className="check-results__sql">{check.sql}</pre>
                      </details>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
