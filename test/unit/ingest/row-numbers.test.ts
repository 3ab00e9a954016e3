// Row numbers of file loads are filled right after the load commits; a batch whose numbering
// never happened (the process was killed in between) is numbered by the next ingest or when the
// workspace is opened again, rejected records included.
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { testWorkspace, type TestWorkspace } from './fixture.js';

/** Puts the workspace in the state a kill between commit and numbering leaves: rows committed, numbers NULL. */
async function forgetRowNumbers(t: TestWorkspace, source: string): Promise<void> {
  await t.ws.db.withConnection(async (c) => {
    await c.run(`UPDATE bronze."${source}" SET _row_number = NULL`);
    await c.run(`UPDATE _ingot.batch_files SET rows_numbered = false WHERE source = ?`, [source]);
  });
}

const numbers = (t: TestWorkspace, source: string): Promise<Array<{ id: number; _row_number: number | null }>> =>
  t.query<{ id: number; _row_number: number | null }>(`SELECT id, _row_number FROM bronze."${source}" ORDER BY id`);

describe('row numbers after commit', () => {
  it('leaves every loaded file numbered and marked so in the ledger', async () => {
    const t = await testWorkspace();
    await t.write('data/orders/a.csv', 'id,name\n1,a\n2,b\n');
    await t.write('data/orders/b.csv', 'id,name\n3,c\n4\n5,e\n');
    await ingestSource(t.ws, 'data/orders');
    expect(await numbers(t, 'orders')).toEqual([
      { id: 1, _row_number: 1 },
      { id: 2, _row_number: 2 },
      { id: 3, _row_number: 1 },
      { id: 5, _row_number: 3 },
    ]);
    expect(await t.query('SELECT path, rows_numbered, line_offset FROM _ingot.batch_files ORDER BY path')).toEqual([
      { path: 'data/orders/a.csv', rows_numbered: true, line_offset: 1 },
      { path: 'data/orders/b.csv', rows_numbered: true, line_offset: 1 },
    ]);
    t.close();
  });

  it('numbers a batch left unnumbered on the next ingest of its source, past its rejected records', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/orders.csv', 'id,name\n1,a\n2\n3,c\n4,d,x\n5,e\n');
    await ingestSource(t.ws, 'data/orders.csv');
    await forgetRowNumbers(t, 'orders');
    expect((await numbers(t, 'orders')).map((r) => r._row_number)).toEqual([null, null, null]);

    await writeFile(path, 'id,name\n1,a\n2\n3,c\n4,d,x\n5,e\n6,f\n');
    await ingestSource(t.ws, 'orders');
    expect(await numbers(t, 'orders')).toEqual([
      { id: 1, _row_number: 1 },
      { id: 1, _row_number: 1 },
      { id: 3, _row_number: 3 },
      { id: 3, _row_number: 3 },
      { id: 5, _row_number: 5 },
      { id: 5, _row_number: 5 },
      { id: 6, _row_number: 6 },
    ]);
    expect(await t.query('SELECT count(*)::INTEGER AS n FROM _ingot.batch_files WHERE NOT rows_numbered')).toEqual([{ n: 0 }]);
    t.close();
  });

  it('numbers a batch left unnumbered when the workspace is opened again', async () => {
    const t = await testWorkspace();
    await t.write('data/items.csv', 'id,sku\n1,a\n2,b\n3,c\n');
    await ingestSource(t.ws, 'data/items.csv');
    await forgetRowNumbers(t, 'items');
    t.close();

    const ws = await openWorkspace(t.root);
    const rows = await ws.db.withConnection((c) => c.all('SELECT id, _row_number FROM bronze.items ORDER BY id'));
    ws.close();
    expect(rows).toEqual([
      { id: 1, _row_number: 1 },
      { id: 2, _row_number: 2 },
      { id: 3, _row_number: 3 },
    ]);
  });
});
