// The progress bar of `ingot ingest` on a terminal: its text for known and unknown percentages,
// the 100 ms redraw limit, and that it erases itself and stays silent when disabled.
import { describe, expect, it } from 'vitest';
import { createProgressBar, progressLine } from '../../../src/cli/commands/progress-bar.js';

describe('ingest progress bar', () => {
  it('draws the phase, a bar with the percentage, and the file', () => {
    expect(progressLine({ source: 'orders', phase: 'loading', percentage: 50, file: 'data/orders.csv' }, 120)).toBe(
      `orders loading    [${'#'.repeat(15)}${'.'.repeat(15)}]  50% data/orders.csv`,
    );
    expect(progressLine({ source: 'orders', phase: 'verifying', percentage: -1 }, 120)).toBe(`orders verifying  [${'?'.repeat(30)}]    `);
    expect(progressLine({ source: 'orders', phase: 'loading', percentage: 100, file: 'x'.repeat(200) }, 80)).toHaveLength(79);
  });

  it('redraws at most every 100 ms, erases itself, and writes nothing when disabled', () => {
    const written: string[] = [];
    const stream = { write: (text: string) => written.push(text), columns: 100 };
    const bar = createProgressBar(stream, true);
    bar.update({ source: 's', phase: 'loading', percentage: 10 });
    bar.update({ source: 's', phase: 'loading', percentage: 20 });
    bar.clear();
    expect(written).toHaveLength(2);
    expect(written[0]).toBe(`\rs loading    [###${'.'.repeat(27)}]  10%\x1b[K`);
    expect(written[1]).toBe('\r\x1b[K');
    const silent: string[] = [];
    const off = createProgressBar({ write: (text: string) => silent.push(text) }, false);
    off.update({ source: 's', phase: 'loading', percentage: 10 });
    off.clear();
    expect(silent).toEqual([]);
  });
});
