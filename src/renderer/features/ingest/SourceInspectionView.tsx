// The panel under the sources table: the running or finished test request or preview of one source.
import type { SourceInspection } from '../../stores/sources/initial-state.js';
import { PreviewView } from './PreviewView.js';
import { TestRequestView } from './TestRequestView.js';

export function SourceInspectionView({ inspection, onClose }: { inspection: SourceInspection; onClose: () => void }) {
  const what = inspection.kind === 'preview' ? 'Previewing' : 'Sending the test request of';
  return (
    <div className="source-inspection">
      <button type="button" className="button button--small button--ghost" onClick={onClose} aria-label="Close">
        Close
      </button>
      {inspection.status === 'loading' ? (
        <p role="status">
          {what} {inspection.source}…
        </p>
      ) : inspection.kind === 'preview' ? (
        <PreviewView source={inspection.source} result={inspection.result} />
      ) : (
        <TestRequestView source={inspection.source} result={inspection.result} />
      )}
    </div>
  );
}
