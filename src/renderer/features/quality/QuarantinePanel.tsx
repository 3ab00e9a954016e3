// The quarantine of one model: how many rows are held, released and re-processed, which checks
// the held rows failed, the newest rows with their reasons, and releasing them after a fix.
import { useState } from 'react';
import { ErrorCallout } from '../../components/feedback/ErrorCallout.js';
import { RowsTable } from '../../components/grid/RowsTable.js';
import { countOf, formatCount } from '../../format/numbers.js';
import { QUARANTINE_ROWS_SHOWN, useQuarantine } from './use-quarantine.js';
import { ReleaseForm } from './ReleaseForm.js';

export function QuarantinePanel({ layer, model, runVersion }: { layer: 'bronze' | 'silver' | 'gold'; model: string; runVersion: number }) {
  const [releases, setReleases] = useState(0);
  // The newest release, said until the next run takes the rows back in.
  const [lastRelease, setLastRelease] = useState<{ rows: number; runVersion: number } | null>(null);
  const lastReleased = lastRelease?.runVersion === runVersion ? lastRelease.rows : null;
  const view = useQuarantine(layer, model, runVersion + releases);
  const id = `${layer}.${model}`;
  if (view.status === 'loading') return <p className="muted">Reading the quarantine of {id}…</p>;
  if (view.status === 'error') return <ErrorCallout error={view.error} />;
  const { summary, rows } = view;
  if (!summary.exists) return <p className="hint">No row of {id} has been quarantined.</p>;
  return (
    <section className="quarantine" aria-label={`Quarantine of ${id}`}>
      <h3>
        Quarantine <code>{summary.table}</code>
      </h3>
      <p aria-label="Quarantine counts">
        {formatCount(summary.held)} held · {formatCount(summary.released)} released, waiting for the next run · {formatCount(summary.reprocessed)} re-processed
      </p>
      {summary.reasons.length > 0 ? (
        <table className="data-table" aria-label={`Why rows of ${id} are held`}>
          <thead>
            <tr>
              <th scope="col">Failed check</th>
              <th scope="col">Held rows</th>
            </tr>
          </thead>
          <tbody>
            {summary.reasons.map((r) => (
              <tr key={r.check}>
                <th scope="row">
                  <code>{r.check}</code>
                </th>
                <td className="num">{formatCount(r.rows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {rows ? <RowsTable label={`Quarantined rows of ${id}`} rows={rows} limit={QUARANTINE_ROWS_SHOWN} emptyText="The quarantine table is empty." /> : null}
      {summary.held > 0 ? (
        <ReleaseForm
          layer={layer}
          model={model}
          table={summary.table}
          onReleased={(released) => {
            setLastRelease({ rows: released, runVersion });
            setReleases((n) => n + 1);
          }}
        />
      ) : null}
      {lastReleased !== null ? (
        <p className="muted" role="status" aria-label="Release result">
          Released {countOf(lastReleased, 'row')}. The next run of {model} takes them back in: a fixed row is published, a row that still fails is held again.
        </p>
      ) : null}
    </section>
  );
}
