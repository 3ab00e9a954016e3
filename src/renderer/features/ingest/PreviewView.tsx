// A source's preview in the Sources panel: the columns with the types DuckDB inferred, and for
// an HTTP source the first page's URL and records path, plus any warnings.
import type { SourcePreviewResult } from '../../../shared/api/index.js';
import { hintForTheApp } from '../../format/app-hint.js';

export function PreviewView({ source, result, heading = true }: { source: string; result: SourcePreviewResult; heading?: boolean }) {
  return (
    <section aria-label={`Preview of ${source}`}>
      {heading ? <h2>Preview of {source}</h2> : null}
      <p>
        {result.format}, {result.columns.length} column{result.columns.length === 1 ? '' : 's'}
        {result.url ? (
          <>
            {' '}
            from <code>{result.url}</code>
          </>
        ) : null}
        {result.recordsPath ? (
          <>
            {' '}
            (records at <code>{result.recordsPath}</code>)
          </>
        ) : null}
      </p>
      <table className="data-table" aria-label={`Columns of ${source}`}>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
          </tr>
        </thead>
        <tbody>
          {result.columns.map((c) => (
            <tr key={c.name}>
              <th scope="row">{c.name}</th>
              <td>{c.type}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(result.warnings ?? []).map((w) => (
        <p key={w} className="hint">
          {hintForTheApp(w)}
        </p>
      ))}
    </section>
  );
}
