// Small line icons for the navigation, drawn inline so nothing is fetched at run time.
import type { ScreenId } from '../../screens.js';

const PATHS: Record<ScreenId, string> = {
  tables: 'M3 4h14v12H3zM3 8h14M3 12h14M8 4v12',
  ingest: 'M10 3v9M6 8l4 4 4-4M4 15h12',
  pipeline: 'M3 5h4v4H3zM13 11h4v4h-4zM7 7h3v6h3',
  sql: 'M6 6l-3 4 3 4M14 6l3 4-3 4M11 5l-2 10',
  explore: 'M4 16V9M8 16V5M12 16v-5M16 16V7',
  quality: 'M10 3l6 3v4c0 4-3 6-6 7-3-1-6-3-6-7V6zM7 10l2 2 4-4',
  runs: 'M6 4l10 6-10 6z',
  capacity: 'M3 14a7 7 0 0 1 14 0M10 14l3-5',
  catalog: 'M4 4h9l3 3v9H4zM7 9h6M7 12h6',
};

export function ScreenIcon({ screen }: { screen: ScreenId }) {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[screen]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
