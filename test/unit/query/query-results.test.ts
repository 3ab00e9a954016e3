// Kept query results on a real database file: a result longer than the cap keeps its first rows
// and says it was cut, and pages never run past what was kept.
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import { QueryResults } from '../../../src/engine/query/query-results.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('kept query results', () => {
  it('keeps the first rows of a result over the cap, in the query order', async () => {
    const db = await openDatabase(join(await tempDir(), 'r.duckdb'));
    const results = new QueryResults(db, 10);
    try {
      const result = await results.run('SELECT range AS n FROM range(25) ORDER BY n DESC');
      expect(result).toMatchObject({ rowCount: 10, truncated: true });
      const page = tableFromIPC((await results.page(result.resultId, 5, 100)).ipc);
      expect(Array.from(page.getChild('n')?.toArray() ?? [], Number)).toEqual([19, 18, 17, 16, 15]);
      expect(await results.run('SELECT 1 AS one')).toMatchObject({ rowCount: 1, truncated: false });
    } finally {
      results.close();
      db.close();
    }
  });
});
