// The sample rows of a source's preview (the first rows the engine read, up to 100) in a grid that
// scrolls inside the preview panel, its header row staying in view.
import type { ArrowPayload } from '../../../shared/api/index.js';
import { RowsTable } from '../../components/grid/RowsTable.js';
import { countOf } from '../../format/numbers.js';
import './ingest.css';

export function SourceSampleRows({ source, rows }: { source: string; rows: ArrowPayload }) {
  return (
    <section className="source-sample" aria-label={`Sample rows of ${source}`}>
      <h3>First {countOf(rows.rowCount, 'row')}</h3>
      <RowsTable label={`First rows of ${source}`} rows={rows} limit={rows.rowCount} emptyText="The source holds no data rows yet." />
    </section>
  );
}
