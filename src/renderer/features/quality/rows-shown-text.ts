// What the quarantine table says about how many of its rows it shows (newest first).
import { countOf, formatCount } from '../../format/numbers.js';

export function quarantineRowsShownText(shown: number, total: number): string {
  if (shown >= total) return `Showing all ${countOf(total, 'row')}, newest first.`;
  return `Showing the newest ${formatCount(shown)} of ${countOf(total, 'row')}.`;
}
