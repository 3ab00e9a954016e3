// Table-level lineage from the pipeline's edges: direct reads and readers, everything up- and
// downstream nearest first, and cycles that end instead of looping.
import { describe, expect, it } from 'vitest';
import { computeLineage } from '../../../src/engine/lineage/lineage.js';

describe('lineage', () => {
  it('walks up and down the graph, nearest first', () => {
    const lineage = computeLineage(
      new Map([
        ['silver.orders', ['bronze.orders']],
        ['silver.items', ['bronze.items']],
        ['gold.sales', ['silver.orders', 'silver.items']],
        ['gold.daily', ['gold.sales']],
      ]),
    );
    expect(lineage.get('gold.daily')).toEqual({
      reads: ['gold.sales'],
      readBy: [],
      upstream: ['gold.sales', 'silver.items', 'silver.orders', 'bronze.items', 'bronze.orders'],
      downstream: [],
    });
    expect(lineage.get('bronze.orders')).toEqual({ reads: [], readBy: ['silver.orders'], upstream: [], downstream: ['silver.orders', 'gold.sales', 'gold.daily'] });
    expect(lineage.get('silver.items')?.readBy).toEqual(['gold.sales']);
  });

  it('ends on a cycle', () => {
    const lineage = computeLineage(new Map([['silver.a', ['silver.b']], ['silver.b', ['silver.a']]]));
    expect(lineage.get('silver.a')).toMatchObject({ upstream: ['silver.b'], downstream: ['silver.b'] });
  });
});
