// "Calibrate from this workspace": measures this pipeline on this machine (run history, bronze
// loads, DuckDB storage) through the engine, prefills bytes per event and compression from a
// chosen source, and sets the planned peak against the measured throughput.
import { useShallow } from 'zustand/react/shallow';
import { compressionText, formatNumber, type CapacityEstimate } from '../../../shared/capacity/index.js';
import { useCapacityStore } from '../../stores/capacity/store.js';
import { selectCalibration } from '../../stores/capacity/selectors.js';
import { useConnectionStore } from '../../stores/connection/store.js';
import { selectConnected } from '../../stores/connection/selectors.js';
import { useUiStore } from '../../stores/ui/store.js';
import { selectNavigate } from '../../stores/ui/selectors.js';
import { HeadroomFacts } from './HeadroomFacts.js';
import { MeasuredDetails } from './MeasuredDetails.js';

export function CalibrationPanel({ estimate }: { estimate: CapacityEstimate | null }) {
  const { calibration, calibrating, error, sources, source, useMeasured, setSource, calibrate, cancel, setUseMeasured } = useCapacityStore(useShallow(selectCalibration));
  const connected = useConnectionStore(selectConnected);
  const navigate = useUiStore(selectNavigate);
  const endToEnd = calibration?.endToEnd;
  const prefill = calibration?.prefill;
  const runsTooSmall = calibration?.tooSmall.find((t) => t.kind === 'runs');
  // The runs' message already shows as the headroom hint; the notes list the rest.
  const notes = (calibration?.notes ?? []).filter((n) => n !== runsTooSmall?.message);
  return (
    <section className="cap-card" aria-label="Calibration">
      <h2 className="cap-card__title">Calibrate from this workspace</h2>
      <p className="cap-card__note">Measures this pipeline on this machine from its run history and storage, and can prefill bytes per event and compression from a loaded source.</p>
      <div className="cap-calibrate">
        <label className="cap-calibrate__source">
          <span className="field__label">Prefill from source</span>
          <select className="input" value={source} onChange={(e) => setSource(e.target.value)} disabled={calibrating}>
            <option value="">none: measure only</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--primary" disabled={!connected || calibrating} onClick={() => void calibrate()}>
          {calibrating ? 'Calibrating…' : 'Calibrate from this workspace'}
        </button>
        {calibrating ? (
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
        ) : null}
      </div>
      {error ? (
        <div className="cap-error" role="alert">
          <p>{error.message}</p>
          {error.hint ? <p className="hint">{error.hint}</p> : null}
        </div>
      ) : null}
      {calibration ? (
        <div className="cap-calibration">
          {prefill ? (
            <p>
              Prefilled from <strong>{prefill.source}</strong>: {formatNumber(prefill.bytesPerEvent, 1)} bytes per event and compression {compressionText(prefill.compression)}× (its raw
              files against its bronze storage).
            </p>
          ) : null}
          {endToEnd && estimate ? (
            <HeadroomFacts neededEventsPerSec={estimate.peakEventsPerSec} measuredRowsPerSec={endToEnd.rowsPerSec} />
          ) : endToEnd ? (
            <p className="hint">Fix the inputs above to set your peak against the {formatNumber(endToEnd.rowsPerSec)} rows/s measured here.</p>
          ) : runsTooSmall ? (
            <p className="hint">No headroom: {runsTooSmall.message}</p>
          ) : (
            <p className="hint">
              No pipeline run has been measured yet, so there is no throughput to compare with.{' '}
              <button type="button" className="button--link" onClick={() => navigate('runs')}>
                Start a run in Runs
              </button>
              , then calibrate again.
            </p>
          )}
          <label className="checkbox">
            <input type="checkbox" checked={useMeasured} onChange={(e) => setUseMeasured(e.target.checked)} />
            Judge the verdict with the thresholds measured here
          </label>
          {notes.length > 0 ? (
            <ul className="cap-notes" aria-label="Calibration notes">
              {notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          <MeasuredDetails calibration={calibration} />
        </div>
      ) : null}
    </section>
  );
}
