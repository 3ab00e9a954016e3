// The quarantine of one model: how many rows are held, released and re-processed, which checks
// the held rows failed, the newest rows with their reasons, fixing a held row, and releasing them.
import { useState } from 'react';
import type { FixQuarantinedRowResult } from '../../../shared/api/index.js';
import { ErrorCallout } from '../../components/feedback/ErrorCallout.js';
import { RowsTable } from '../../components/grid/RowsTable.js';
import { countOf, formatCount } from '../../format/numbers.js';
import { quarantineRowsShownText } from './rows-shown-text.js';
import { QUARANTINE_PAGE, useQuarantine } from './use-quarantine.js';
import { FixRowForm } from './FixRowForm.js';
import { ReleaseForm } from './ReleaseForm.js';

/** How many of the quarantine's rows the table shows, and a way to show more. */
function RowsShown({ shown, total, onMore }: { shown: number; total: number; onMore: () => void }) {
  if (total === 0) return null;
  return (
    <p className="muted" aria-label="Quarantined rows shown">
      {quarantineRowsShownText(shown, total)}
      {shown < total ? (
        <>
          {' '}
          <button type="button" className="button button--link" onClick={onMore}>
            Show {formatCount(Math.min(QUARANTINE_PAGE, total - shown))} more
          </button>
        </>
      ) : null}
    </p>
  );
}

export function QuarantinePanel({ layer, model, runVersion }: { layer: 'bronze' | 'silver' | 'gold'; model: string; runVersion: number }) {
  const [releases, setReleases] = useState(0);
  // The newest release, said until the next run takes the rows back in.
  const [lastRelease, setLastRelease] = useState<{ rows: number; runVersion: number } | null>(null);
  const lastReleased = lastRelease?.runVersion === runVersion ? lastRelease.rows : null;
  // The newest fix, said until the next run.
  const [lastFix, setLastFix] = useState<{ result: FixQuarantinedRowResult; runVersion: number } | null>(null);
  const lastFixed = lastFix?.runVersion === runVersion ? lastFix.result : null;
  const [shown, setShown] = useState(QUARANTINE_PAGE);
  const view = useQuarantine(layer, model, runVersion + releases, shown);
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
      {rows ? <RowsTable label={`Quarantined rows of ${id}`} rows={rows} limit={shown} emptyText="The quarantine table is empty." /> : null}
      {rows ? <RowsShown shown={shown} total={summary.held + summary.released + summary.reprocessed} onMore={() => setShown((n) => n + QUARANTINE_PAGE)} /> : null}
      {rows && summary.held > 0 ? (
        <FixRowForm
          layer={layer}
          model={model}
          table={summary.table}
          rows={rows}
          limit={shown}
          onFixed={(result) => {
            setLastFix({ result, runVersion });
            setReleases((n) => n + 1);
          }}
        />
      ) : null}
      {lastFixed !== null ? (
        <p className="muted" role="status" aria-label="Fix result">
          {fixMessage(lastFixed, model)}
        </p>
      ) : null}
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

function fixMessage({ fixed, released }: FixQuarantinedRowResult, model: string): string {
  const rows = countOf(Math.max(fixed, released), 'row');
  // Identical held rows cannot be told apart, so a fix changes every copy.
  const copies = fixed > 1 ? ' (identical held rows are fixed alike)' : '';
  const [it, passes] = Math.max(fixed, released) > 1 ? ['them', 'they pass'] : ['it', 'it passes'];
  if (released === 0) return `Fixed ${rows}${copies}. Release ${it} for the next run of ${model} to take ${it} back in.`;
  if (fixed === 0) return `Released ${rows} unchanged. The next run of ${model} takes ${it} back in.`;
  return `Fixed and released ${rows}${copies}. The next run of ${model} takes ${it} back in: if ${passes} the checks now, ${it === 'it' ? 'it is' : 'they are'} published.`;
}
