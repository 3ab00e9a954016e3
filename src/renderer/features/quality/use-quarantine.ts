// Reads the quarantine of one model: its counts per reason and its newest `shown` rows (Arrow),
// again whenever `version` changes (after a release or a finished run) or more rows are asked
// for. Mount it per model (a `key`).
import { useEffect, useState } from 'react';
import type { ArrowPayload, QuarantineSummary } from '../../../shared/api/index.js';
import type { ErrorData } from '../../../shared/errors.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf } from '../../api/error-data.js';

/** Rows shown at first, and added by each "Show more". */
export const QUARANTINE_PAGE = 50;

export type QuarantineView = { status: 'loading' } | { status: 'ready'; summary: QuarantineSummary; rows: ArrowPayload | null } | { status: 'error'; error: ErrorData };

export function useQuarantine(layer: 'bronze' | 'silver' | 'gold', model: string, version: number, shown: number): QuarantineView {
  const [view, setView] = useState<QuarantineView>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    const { api } = engineConnection();
    // A reload (after a release or a run) keeps showing what it replaces until it arrives.
    setView((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    void (async () => {
      try {
        const summary = await api.quarantineSummary({ layer, model }, { signal: controller.signal });
        const rows = summary.exists ? await api.quarantine({ layer, model, limit: shown }, { signal: controller.signal }) : null;
        if (!controller.signal.aborted) setView({ status: 'ready', summary, rows });
      } catch (err) {
        if (!controller.signal.aborted) setView({ status: 'error', error: errorDataOf(err) });
      }
    })();
    return () => controller.abort();
  }, [layer, model, version, shown]);
  return view;
}
