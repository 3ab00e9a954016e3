// The Quality screen lists the tables that need attention first: stopped, then warned, then by
// lowest score, then by name.
import { describe, expect, it } from 'vitest';
import type { TableQuality } from '../../../src/shared/api/index.js';
import { worstFirst } from '../../../src/renderer/stores/quality/store.js';

const table = (name: string, outcome: TableQuality['outcome'], score: number | null): TableQuality => ({ layer: 'silver', table: name, runId: 1, score, checks: [], ...(outcome ? { outcome } : {}) });

describe('quality order', () => {
  it('puts stopped tables first, then warnings, then the lowest scores', () => {
    const ordered = worstFirst([table('clean', 'pass', 100), table('b_warn', 'warn', 90), table('stopped', 'error', 95), table('a_warn', 'warn', 90), table('low', 'pass', 60), table('unscored', 'pass', null)]);
    expect(ordered.map((t) => t.table)).toEqual(['stopped', 'a_warn', 'b_warn', 'low', 'clean', 'unscored']);
  });
});
