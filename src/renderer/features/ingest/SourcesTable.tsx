// The table of the workspace's sources: kind, location, last load, rows, cursor and last error,
// with Load (Cancel while it runs; for HTTP sources, Test request) and Preview per source.
import type { SourceInfo } from '../../../shared/api/index.js';
import { formatCount } from '../../format/numbers.js';
import { formatDateTime } from '../../format/time.js';
import type { SourceLoad } from '../../stores/sources/initial-state.js';
import { loadStatusText } from './load-status.js';

interface SourcesTableProps {
  sources: SourceInfo[];
  loads: Record<string, SourceLoad>;
  onLoad: (source: string) => void;
  /** Loads the source again, replacing all its earlier data (after its options changed). */
  onReplace: (source: string) => void;
  onCancelLoad: (source: string) => void;
  onTestRequest: (source: string) => void;
  onPreview: (source: string) => void;
}

export function SourcesTable({ sources, loads, onLoad, onReplace, onCancelLoad, onTestRequest, onPreview }: SourcesTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="Sources">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Kind</th>
            <th scope="col">Location</th>
            <th scope="col">Last load</th>
            <th scope="col" className="num">
              Rows loaded
            </th>
            <th scope="col" className="num">
              Rejected
            </th>
            <th scope="col">Cursor</th>
            <th scope="col">Last error</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => {
            const load = loads[source.name];
            const running = load?.state === 'running';
            return (
              <tr key={source.name} aria-label={source.name}>
                <th scope="row">{source.name}</th>
                <td>{source.kind}</td>
                <td className="nowrap" title={source.file}>
                  {source.location}
                </td>
                <td className="nowrap">{source.lastBatch ? formatDateTime(source.lastBatch.loadedAt) : 'never'}</td>
                <td className="num">{source.lastBatch ? formatCount(source.lastBatch.rowsLoaded) : '—'}</td>
                <td className="num">{source.lastBatch ? formatCount(source.lastBatch.rowsRejected) : '—'}</td>
                <td>{source.cursor ?? '—'}</td>
                <td className={source.lastError ? 'num--bad' : undefined}>{source.lastError ?? '—'}</td>
                <td>
                  <div className="row-actions">
                    <button type="button" className="button button--small button--primary" disabled={running} onClick={() => onLoad(source.name)} aria-label={`Load ${source.name}`}>
                      Load
                    </button>
                    {source.lastBatch && !running ? (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => onReplace(source.name)}
                        aria-label={`Replace data of ${source.name}`}
                        title="Load every file again and swap out all earlier data of this source, e.g. after changing its encoding or columns"
                      >
                        Replace
                      </button>
                    ) : null}
                    {running ? (
                      <button type="button" className="button button--small" onClick={() => onCancelLoad(source.name)} aria-label={`Cancel loading ${source.name}`}>
                        Cancel
                      </button>
                    ) : null}
                    {source.kind === 'http' ? (
                      <button type="button" className="button button--small" onClick={() => onTestRequest(source.name)} aria-label={`Test request of ${source.name}`}>
                        Test request
                      </button>
                    ) : null}
                    <button type="button" className="button button--small" onClick={() => onPreview(source.name)} aria-label={`Preview ${source.name}`}>
                      Preview
                    </button>
                  </div>
                  {load ? (
                    <div role="status" aria-label={`Load status of ${source.name}`} className="hint">
                      {loadStatusText(load)}
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
