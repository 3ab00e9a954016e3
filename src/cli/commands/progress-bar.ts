// The one-line progress bar `ingot ingest` draws on a terminal: source, phase, a 30-cell bar with
// the percentage (or `?` cells while the phase cannot tell), and the file being worked on.
import type { IngestProgress } from '../../engine/ingest/types.js';

const WIDTH = 30;

/** The bar's text for one progress event, cut to `columns - 1` characters. */
export function progressLine(p: IngestProgress, columns: number): string {
  const pct = p.percentage >= 0 ? Math.min(100, p.percentage) : -1;
  const filled = pct >= 0 ? Math.round((pct / 100) * WIDTH) : 0;
  const bar = pct >= 0 ? `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${pct.toFixed(0).padStart(3)}%` : `[${'?'.repeat(WIDTH)}]    `;
  const rows = p.rows !== undefined && p.rows > 0 ? ` ${p.rows.toLocaleString('en-US')} rows` : '';
  const line = `${p.source} ${p.phase.padEnd(10)} ${bar}${rows}${p.file ? ` ${p.file}` : ''}`;
  return line.slice(0, Math.max(20, columns - 1));
}

export interface ProgressBar {
  update(p: IngestProgress): void;
  /** Erases the bar, so the next output starts on a clean line. */
  clear(): void;
}

/** A bar on `stream`, redrawn when it changes, at most every 100 ms; does nothing when `enabled` is false. */
export function createProgressBar(stream: { write(text: string): unknown; columns?: number }, enabled: boolean): ProgressBar {
  let last = 0;
  let drawn = '';
  return {
    update(p) {
      if (!enabled || Date.now() - last < 100) return;
      const line = progressLine(p, stream.columns || 100);
      if (line === drawn) return;
      last = Date.now();
      stream.write(`\r${line}\x1b[K`);
      drawn = line;
    },
    clear() {
      if (drawn !== '') stream.write('\r\x1b[K');
      drawn = '';
    },
  };
}
