// Counts read as English wherever the app shows them: "Loaded 1 row", not "Loaded 1 rows" (QA
// B.11), and the rejected-rows view says which part of how many problems it lists.
import { describe, expect, it } from 'vitest';
import type { IngestResult } from '../../../src/shared/api/ingest.js';
import { loadStatusText } from '../../../src/renderer/features/ingest/load-status.js';
import { rejectsRangeText } from '../../../src/renderer/features/tables/RejectedRows.js';
import { countOf } from '../../../src/renderer/format/numbers.js';

const loaded = (rowsLoaded: number, rowsRejected = 0): IngestResult => ({
  source: 'orders',
  table: 'bronze.orders',
  batchId: 1,
  unchanged: false,
  rowsLoaded,
  rowsRejected,
  durationMs: 5,
  drift: [],
  message: '',
});

describe('counts in words', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countOf(1, 'row')).toBe('1 row');
    expect(countOf(0, 'row')).toBe('0 rows');
    expect(countOf(12_345, 'row')).toBe('12,345 rows');
    expect(countOf(2, 'batch', 'batches')).toBe('2 batches');
  });

  it('says "Loaded 1 row" after a load of one row, and counts progress the same way', () => {
    expect(loadStatusText({ state: 'done', result: loaded(1) })).toBe('Loaded 1 row');
    expect(loadStatusText({ state: 'done', result: loaded(3, 1) })).toBe('Loaded 3 rows, 1 rejected');
    expect(loadStatusText({ state: 'running', progress: { source: 'orders', phase: 'loading', percentage: 50, rows: 1 } })).toBe('loading 50%, 1 row');
  });

  it('says which rejects it lists, of how many', () => {
    expect(rejectsRangeText({ total: 1, rejectedRows: 1, offset: 0, shown: 1 })).toBe('1 problem in 1 rejected row.');
    expect(rejectsRangeText({ total: 5, rejectedRows: 3, offset: 0, shown: 5 })).toBe('All 5 problems in 3 rejected rows.');
    expect(rejectsRangeText({ total: 250, rejectedRows: 180, offset: 0, shown: 100 })).toBe('The first 100 of 250 problems in 180 rejected rows.');
    expect(rejectsRangeText({ total: 250, rejectedRows: 180, offset: 200, shown: 50 })).toBe('Problems 201–250 of 250 in 180 rejected rows.');
  });
});
