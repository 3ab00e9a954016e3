// One column's profile: its type and kind, NULLs, distinct values, range and number figures, a
// small histogram and its most frequent values.
import type { ColumnProfile } from '../../../shared/api/index.js';
import { MiniHistogram } from '../../components/chart/MiniHistogram.js';
import { histogramCaption, profileFacts } from './profile-facts.js';
import { TopValues } from './TopValues.js';

export function ColumnProfileCard({ column, rows }: { column: ColumnProfile; rows: number }) {
  const empty = rows > 0 && column.nulls === rows;
  const histogram = column.histogram;
  return (
    <li className="profile-card" aria-label={`Profile of ${column.name}`}>
      <header className="profile-card__header">
        <code className="profile-card__name">{column.name}</code>
        <span className={`pill profile-card__kind profile-card__kind--${column.kind}`}>{column.kind}</span>
        <span className="profile-card__type">{column.type}</span>
      </header>
      <dl className="profile-card__facts">
        {profileFacts(column, rows).map((f) => (
          <div key={f.term}>
            <dt>{f.term}</dt>
            <dd title={f.value}>{f.value}</dd>
          </div>
        ))}
      </dl>
      {empty ? <p className="hint">Every value is NULL.</p> : null}
      {histogram && histogram.bins.length > 0 ? (
        <figure className="profile-card__histogram">
          <MiniHistogram title={`Histogram of ${column.name}, ${histogramCaption(histogram)}`} bins={histogram.bins} />
          <figcaption>
            <span>{histogram.bins[0]?.label}</span>
            <span className="muted">{histogramCaption(histogram)}</span>
            <span>{histogram.bins[histogram.bins.length - 1]?.label}</span>
          </figcaption>
        </figure>
      ) : null}
      {column.topValues.length > 0 ? <TopValues column={column} rows={rows} /> : null}
    </li>
  );
}
