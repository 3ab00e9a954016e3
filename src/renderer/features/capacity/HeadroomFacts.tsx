// "Your peak needs Y events/s; this pipeline on this machine does X; headroom X/Y": the planned
// peak against the throughput measured end to end in this workspace.
import { computeHeadroom, formatQuantity, headroomRatioText } from '../../../shared/capacity/index.js';

export function HeadroomFacts({ neededEventsPerSec, measuredRowsPerSec }: { neededEventsPerSec: number; measuredRowsPerSec: number }) {
  const headroom = computeHeadroom(neededEventsPerSec, measuredRowsPerSec);
  const ratio = headroomRatioText(headroom.ratio);
  return (
    <div className={`cap-headroom cap-headroom--${headroom.fits ? 'ok' : 'bad'}`}>
      <dl className="cap-headroom__facts">
        <div>
          <dt id="capacity-needed">Your peak needs</dt>
          <dd aria-labelledby="capacity-needed">{formatQuantity(headroom.neededEventsPerSec)} events/s</dd>
        </div>
        <div>
          <dt id="capacity-measured">Measured throughput</dt>
          <dd aria-labelledby="capacity-measured">{formatQuantity(headroom.measuredRowsPerSec)} rows/s</dd>
        </div>
        <div>
          <dt id="capacity-headroom">Headroom</dt>
          <dd aria-labelledby="capacity-headroom" className="cap-headroom__ratio">
            {ratio}
          </dd>
        </div>
      </dl>
      <p className="cap-headroom__sentence">{headroom.sentence}</p>
    </div>
  );
}
