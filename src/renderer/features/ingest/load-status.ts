// The text of a load started from this window: its progress while running, then what it loaded
// ("unchanged" when the same content was already there), that it was cancelled, or why it failed.
import type { SourceLoad } from '../../stores/sources/initial-state.js';
import { countOf, formatCount } from '../../format/numbers.js';

export function loadStatusText(load: SourceLoad): string {
  switch (load.state) {
    case 'running': {
      const p = load.progress;
      if (!p) return 'Starting…';
      const percent = p.percentage >= 0 ? ` ${Math.round(p.percentage)}%` : '';
      const rows = p.rows !== undefined ? `, ${countOf(p.rows, 'row')}` : '';
      return `${p.phase}${percent}${rows}`;
    }
    case 'done': {
      const r = load.result;
      if (r.unchanged) return 'Unchanged: this content was already loaded';
      return `Loaded ${countOf(r.rowsLoaded, 'row')}${r.rowsRejected > 0 ? `, ${formatCount(r.rowsRejected)} rejected` : ''}`;
    }
    case 'failed':
      return load.error.code === 'CANCELLED' ? 'Cancelled: nothing of this load was kept' : `Failed: ${load.error.message}`;
  }
}
