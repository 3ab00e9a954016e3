// The profile of the picked table: progress with a Cancel button while DuckDB computes it, the
// error in place with a retry, or one card per column, with how many rows it covered (all, or a
// sample of a very large table) and the SQL it ran.
import { useShallow } from 'zustand/react/shallow';
import { ErrorCallout } from '../../components/feedback/ErrorCallout.js';
import { countOf, formatDuration } from '../../format/numbers.js';
import { selectProfileView } from '../../stores/explore/selectors.js';
import { useExploreStore } from '../../stores/explore/store.js';
import { ColumnProfileCard } from './ColumnProfileCard.js';
import { useElapsedSeconds } from './use-elapsed.js';

export function ProfilePanel({ id }: { id: string }) {
  const { status, profile, error, startedAt, reload, cancel } = useExploreStore(useShallow(selectProfileView));
  const elapsed = useElapsedSeconds(status === 'loading' ? startedAt : null);
  return (
    <section className="explore__section" aria-labelledby="explore-profile-title">
      <h2 id="explore-profile-title">Columns</h2>
      {status === 'loading' ? (
        <div className="explore__progress" role="status" aria-label="Profile progress">
          <progress aria-label={`Profiling ${id}`} />
          <span>
            Profiling {id}…{elapsed > 0 ? ` ${elapsed} s` : ''}
          </span>
          <button type="button" className="button button--small" onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : status === 'cancelled' ? (
        <p className="explore__progress" role="status" aria-label="Profile progress">
          The profile of {id} was cancelled.{' '}
          <button type="button" className="button button--small" onClick={() => void reload()}>
            Profile again
          </button>
        </p>
      ) : status === 'error' && error ? (
        <ErrorCallout error={error}>
          <button type="button" className="button button--small" onClick={() => void reload()}>
            Try again
          </button>
        </ErrorCallout>
      ) : profile ? (
        <>
          <p className="explore__summary" aria-label="Profile summary">
            {countOf(profile.rows, 'row')} · {countOf(profile.columns.length, 'column')}
            {profile.sampled ? ` · figures from a random sample of ${countOf(profile.profiledRows, 'row')}, so the table profiles quickly` : ''}
            {` · profiled in ${formatDuration(profile.elapsedMs)}`}
          </p>
          {profile.rows === 0 ? <p className="hint">{id} has no rows yet: its columns are listed without figures.</p> : null}
          <ul className="explore__profiles" aria-label={`Column profiles of ${id}`}>
            {profile.columns.map((c) => (
              <ColumnProfileCard key={c.name} column={c} rows={profile.profiledRows} />
            ))}
          </ul>
          <details className="explore__sql-details">
            <summary>SQL of the profile</summary>
            <pre className="explore__sql">{profile.sql}</pre>
          </details>
        </>
      ) : null}
    </section>
  );
}
