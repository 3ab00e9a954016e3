// The engine host's list of a bronze table's rejected rows over RPC, on a real workspace: a CSV
// with bad lines is ingested, and its rejects come back with file, line, column, error and raw
// line, paged, with the total; a table without loads and a bad request are refused.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IngotError } from '../../../src/shared/errors.js';
import { connectedHost, type Connected } from './host-helpers.js';

let connected: Connected | undefined;
afterEach(async () => {
  await connected?.close();
  connected = undefined;
});

async function itemsWithBadLines(c: Connected): Promise<void> {
  const lines = ['id,qty'];
  for (let i = 1; i <= 20; i++) lines.push(`${i},${i}`);
  lines[3] = '3,three'; // line 4: text where the source pins qty to BIGINT
  lines[7] = '7,8,9'; // line 8: one field too many
  lines[12] = '12'; // line 13: one field too few
  await mkdir(join(c.root, 'data'), { recursive: true });
  await writeFile(join(c.root, 'data', 'items.csv'), lines.join('\n') + '\n');
  await writeFile(join(c.root, 'sources', 'items.yaml'), 'path: data/items.csv\ncolumns:\n  qty: bigint\n');
  const loaded = await c.api.ingest({ source: 'items' });
  expect(loaded).toMatchObject({ rowsLoaded: 17, rowsRejected: 3 });
}

describe('engine host: rejected rows of a bronze table', () => {
  it('lists the rejects of the loaded batches with file, line, column, error and raw line', async () => {
    connected = await connectedHost('shop');
    await itemsWithBadLines(connected);

    const all = await connected.api.listRejects({ table: 'items' });
    expect(all).toMatchObject({ table: 'bronze.items', total: 3, rejectedRows: 3, offset: 0 });
    expect(all.rejects.map(({ file, line, column, rawLine }) => ({ file, line, column, rawLine }))).toEqual([
      { file: 'data/items.csv', line: 4, column: 'qty', rawLine: '3,three' },
      { file: 'data/items.csv', line: 8, column: null, rawLine: '7,8,9' },
      { file: 'data/items.csv', line: 13, column: 'qty', rawLine: '12' },
    ]);
    expect(all.rejects[1]?.error).toContain('Expected Number of Columns');
    expect(all.rejects.every((r) => r.batchId === all.rejects[0]?.batchId)).toBe(true);
    // The Tables screen's "Rejected" count is the same number.
    const { tables } = await connected.api.listTables({});
    expect(tables.find((t) => t.layer === 'bronze' && t.name === 'items')?.rowsRejected).toBe(all.rejectedRows);

    const second = await connected.api.listRejects({ table: 'items', offset: 1, limit: 1 });
    expect(second).toMatchObject({ total: 3, offset: 1 });
    expect(second.rejects.map((r) => r.line)).toEqual([8]);
  });

  it('refuses a table with no loads and an invalid request', async () => {
    connected = await connectedHost('shop');
    const missing = await connected.api.listRejects({ table: 'nothing_here' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(IngotError);
    expect((missing as IngotError).code).toBe('NOT_FOUND');
    expect((missing as IngotError).message).toContain('bronze.nothing_here');

    const tooMany = await connected.api.listRejects({ table: 'items', limit: 5000 }).catch((e: unknown) => e);
    expect(tooMany).toBeInstanceOf(IngotError);
    expect((tooMany as IngotError).code).toBe('INVALID_INPUT');
    const badName = await connected.api.listRejects({ table: 'items; DROP TABLE x' }).catch((e: unknown) => e);
    expect((badName as IngotError).code).toBe('INVALID_INPUT');
  });
});
