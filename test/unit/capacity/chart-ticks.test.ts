// Round axis ticks for the SVG charts: zero-based, steps of 1, 2, 2.5 or 5 × 10^k, covering the max.
import { describe, expect, it } from 'vitest';
import { niceStep, niceTicks } from '../../../src/renderer/components/chart/ticks.js';

describe('chart ticks', () => {
  it('covers the largest value with round steps', () => {
    expect(niceTicks(36.5e12)).toEqual([0, 10e12, 20e12, 30e12, 40e12]);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(7, 4)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0.9)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('never returns a degenerate axis', () => {
    expect(niceStep(0, 4)).toBe(1);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceStep(Number.NaN, 4)).toBe(1);
  });
});
