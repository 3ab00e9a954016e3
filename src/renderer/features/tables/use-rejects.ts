// Reads one page of the rows a bronze table's loads rejected (file, line, column, error, raw
// line) from the engine's `listRejects`, again when the table, the page or its last load changes.
import { useEffect, useState } from 'react';
import type { ListRejectsResult } from '../../../shared/api/index.js';
import type { ErrorData } from '../../../shared/errors.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf } from '../../api/error-data.js';

/** Rejects shown per page. */
export const REJECTS_PAGE_SIZE = 100;

export type RejectsView = { status: 'loading' } | { status: 'ready'; result: ListRejectsResult } | { status: 'error'; error: ErrorData };

export function useRejects(table: string, offset: number, version: string): RejectsView {
  const [view, setView] = useState<RejectsView>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setView((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    void (async () => {
      try {
        const result = await engineConnection().api.listRejects({ table, offset, limit: REJECTS_PAGE_SIZE }, { signal: controller.signal });
        if (!controller.signal.aborted) setView({ status: 'ready', result });
      } catch (err) {
        if (!controller.signal.aborted) setView({ status: 'error', error: errorDataOf(err) });
      }
    })();
    return () => controller.abort();
  }, [table, offset, version]);
  return view;
}
