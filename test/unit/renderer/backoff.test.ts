// Reconnect delays double from the first retry and stop growing at the cap.
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/renderer/api/backoff.js';

describe('backoffDelay', () => {
  it('doubles up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
    expect(backoffDelay(1000, { initialMs: 10, maxMs: 100 })).toBe(100);
    expect(backoffDelay(-3)).toBe(250);
  });
});
