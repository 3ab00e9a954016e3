// The rows a bronze table's loads rejected: one line per problem (file, line, column, error and
// the raw line as read), a page at a time, saying which part of how many is shown.
import { useState } from 'react';
import type { ListRejectsResult } from '../../../shared/api/index.js';
import { ErrorCallout } from '../../components/feedback/ErrorCallout.js';
import { countOf, formatCount } from '../../format/numbers.js';
import { REJECTS_PAGE_SIZE, useRejects } from './use-rejects.js';

/** "All 3 problems in 2 rejected rows.", "The first 100 of 250 problems …" or "Problems 101–200 of 250 …". */
export function rejectsRangeText(result: Pick<ListRejectsResult, 'total' | 'rejectedRows' | 'offset'> & { shown: number }): string {
  const rows = `in ${countOf(result.rejectedRows, 'rejected row')}`;
  if (result.total === 0) return 'No rejected rows are kept for the loads this table holds.';
  if (result.offset === 0 && result.shown >= result.total) return `${result.total === 1 ? '' : 'All '}${countOf(result.total, 'problem')} ${rows}.`;
  if (result.offset === 0) return `The first ${formatCount(result.shown)} of ${countOf(result.total, 'problem')} ${rows}.`;
  return `Problems ${formatCount(result.offset + 1)}–${formatCount(result.offset + result.shown)} of ${formatCount(result.total)} ${rows}.`;
}

export function RejectedRows({ table, version }: { table: string; version: string }) {
  const [offset, setOffset] = useState(0);
  const view = useRejects(table, offset, version);
  if (view.status === 'loading') return <p className="loading-line">Loading the rejected rows…</p>;
  if (view.status === 'error') return <ErrorCallout error={view.error} />;
  const { result } = view;
  const qualified = `bronze.${table}`;
  const end = result.offset + result.rejects.length;
  return (
    <section className="rejects" aria-label={`Rejected rows of ${qualified}`}>
      <div className="rejects__bar">
        <p role="status" aria-label="Rejects shown">
          {rejectsRangeText({ ...result, shown: result.rejects.length })}
        </p>
        {result.total > REJECTS_PAGE_SIZE ? (
          <div className="button-row">
            <button type="button" className="button" disabled={result.offset === 0} onClick={() => setOffset(Math.max(0, result.offset - REJECTS_PAGE_SIZE))}>
              Previous {REJECTS_PAGE_SIZE}
            </button>
            <button type="button" className="button" disabled={end >= result.total} onClick={() => setOffset(end)}>
              Next {REJECTS_PAGE_SIZE}
            </button>
          </div>
        ) : null}
      </div>
      {result.rejects.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table rejects__table" aria-label={`Rejects of ${qualified}`}>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className="num">
                  Line
                </th>
                <th scope="col">Column</th>
                <th scope="col">Error</th>
                <th scope="col">Raw line</th>
              </tr>
            </thead>
            <tbody>
              {result.rejects.map((r, i) => (
                <tr key={`${r.batchId}:${r.file}:${r.line ?? ''}:${r.column ?? ''}:${i}`}>
                  <td className="mono">{r.file}</td>
                  <td className="num">{r.line === null ? '—' : formatCount(r.line)}</td>
                  <td className="mono">{r.column ?? '—'}</td>
                  <td>{r.error}</td>
                  <td className="mono rejects__raw">{r.rawLine ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
