// The per-workspace run lock: a second run is refused with a message saying which run holds the
// workspace and how long ago it started (not a UTC clock time the reader has to convert).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireRunLock, isRunActive } from '../../../src/engine/pipeline/run-lock.js';
import { IngotError } from '../../../src/shared/errors.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('run lock', () => {
  it('refuses a second run, naming the first and how long ago it started, and frees the workspace on release', () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T14:51:42.093Z') });
    const lock = acquireRunLock('/tmp/run-lock-test.duckdb');
    lock.setRunId(13);
    vi.advanceTimersByTime(3 * 60_000 + 20_000);
    let err: unknown;
    try {
      acquireRunLock('/tmp/run-lock-test.duckdb');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IngotError);
    expect((err as IngotError).message).toBe('A pipeline run is already in progress in this workspace (run #13, started 3 min ago).');
    expect((err as IngotError).detail).toEqual({ runId: 13, startedAt: '2026-11-22T14:51:42.093Z' });
    lock.release();
    expect(isRunActive('/tmp/run-lock-test.duckdb')).toBe(false);
  });
});
