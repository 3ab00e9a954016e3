// What calibration measured in this workspace: the thresholds the verdict uses and where they
// come from, each model's rows/s (slowest first), each source's raw vs stored size, and notes.
import { formatBytes, formatNumber, formatQuantity } from '../../../shared/capacity/index.js';
import type { CapacityCalibration } from '../../../shared/api/index.js';

export function MeasuredDetails({ calibration }: { calibration: CapacityCalibration }) {
  const p = calibration.profile;
  const thresholds = [
    { name: 'One writer absorbs', value: `${formatQuantity(p.writerEventsPerSec.value)} events/s`, t: p.writerEventsPerSec },
    { name: 'Pipeline processes', value: `${formatQuantity(p.processingRowsPerSec.value)} rows/s`, t: p.processingRowsPerSec },
    { name: 'Pipeline parses', value: `${formatBytes(p.processingBytesPerSec.value)}/s`, t: p.processingBytesPerSec },
    { name: 'One machine keeps', value: formatBytes(p.localDiskBytes.value), t: p.localDiskBytes },
  ];
  return (
    <details className="cap-measured">
      <summary>What was measured</summary>
      <table className="data-table" aria-label="Thresholds">
        <tbody>
          {thresholds.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td className="num nowrap">{row.value}</td>
              <td>
                <span className={`pill${row.t.source === 'calibrated' ? ' pill--success' : ''}`}>{row.t.source === 'calibrated' ? 'measured' : row.t.source}</span> {row.t.basis}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {calibration.models.length > 0 ? (
        <table className="data-table" aria-label="Models, slowest first">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col" className="num">Builds</th>
              <th scope="col" className="num">Rows</th>
              <th scope="col" className="num">Seconds</th>
              <th scope="col" className="num">Rows/s</th>
            </tr>
          </thead>
          <tbody>
            {calibration.models.map((m) => (
              <tr key={m.model}>
                <th scope="row">{m.model}</th>
                <td className="num">{m.samples}</td>
                <td className="num">{formatNumber(m.rows)}</td>
                <td className="num">{formatNumber(m.seconds, 3)}</td>
                <td className="num">{formatQuantity(m.rowsPerSec)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {calibration.sources.length > 0 ? (
        <table className="data-table" aria-label="Sources, raw files against bronze storage">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col" className="num">Rows</th>
              <th scope="col" className="num">Raw</th>
              <th scope="col" className="num">Stored</th>
              <th scope="col" className="num">Raw B/row</th>
              <th scope="col" className="num">Compression</th>
            </tr>
          </thead>
          <tbody>
            {calibration.sources.map((s) => (
              <tr key={s.source}>
                <th scope="row">{s.source}</th>
                <td className="num">{formatNumber(s.rows)}</td>
                <td className="num">{formatBytes(s.sourceBytes)}</td>
                <td className="num">{formatBytes(s.storedBytes)}</td>
                <td className="num">{formatQuantity(s.rawBytesPerRow)}</td>
                <td className="num">{formatNumber(s.compressionRatio, 2)}×</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="cap-card__note">
        Database: {formatBytes(calibration.database.usedBytes)} used, write-ahead log {calibration.database.walSize}. Measured {new Date(calibration.measuredAt).toLocaleString()}.
      </p>
    </details>
  );
}
