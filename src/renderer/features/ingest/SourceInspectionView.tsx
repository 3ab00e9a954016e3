// The panel under the sources table: the running or finished test request or preview of one source
// (its columns and types, then its sample rows).
// It opens below a possibly long table, so it scrolls itself into view when it opens and when its
// result arrives.
import { useEffect, useRef } from 'react';
import type { SourceInspection } from '../../stores/sources/initial-state.js';
import { PreviewView } from './PreviewView.js';
import { SourceSampleRows } from './SourceSampleRows.js';
import { TestRequestView } from './TestRequestView.js';

export function SourceInspectionView({ inspection, onClose }: { inspection: SourceInspection; onClose: () => void }) {
  const what = inspection.kind === 'preview' ? 'Previewing' : 'Sending the test request of';
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'start' });
  }, [inspection.source, inspection.kind, inspection.status]);
  return (
    <div className="source-inspection" ref={panel}>
      <button type="button" className="button button--small button--ghost" onClick={onClose} aria-label="Close">
        Close
      </button>
      {inspection.status === 'loading' ? (
        <p role="status">
          {what} {inspection.source}…
        </p>
      ) : inspection.kind === 'preview' ? (
        <>
          <PreviewView source={inspection.source} result={inspection.result} />
          <SourceSampleRows source={inspection.source} rows={inspection.result.rows} />
        </>
      ) : (
        <TestRequestView source={inspection.source} result={inspection.result} />
      )}
    </div>
  );
}
