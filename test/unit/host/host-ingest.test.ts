// The engine host's ingest over RPC on a real workspace: preview a CSV, ingest it with progress
// events, see it in the catalog and the sources, query it as Arrow, and re-ingest as a no-op.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import type { IngestProgress } from '../../../src/shared/api/ingest.js';
import { IngotError } from '../../../src/shared/errors.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { connectedHost, type Connected } from './host-helpers.js';

let connected: Connected | undefined;
afterEach(async () => {
  await connected?.close();
  connected = undefined;
});

const CSV = 'id,customer,amount\n1,ann,3.5\n2,bob,4.25\n3,cid,10\n';

describe('engine host: ingest', () => {
  it('previews, ingests with progress, lists and queries a CSV', async () => {
    connected = await connectedHost('shop');
    const { api, root } = connected;
    await writeFile(join(root, 'orders.csv'), CSV);

    const preview = await api.previewFile({ path: 'orders.csv' });
    expect(preview.format).toBe('csv');
    expect(preview.columns.map((c) => c.name)).toEqual(['id', 'customer', 'amount']);
    expect(tableFromIPC(preview.rows.ipc).numRows).toBe(3);

    const progress: IngestProgress[] = [];
    const stop = api.onIngestProgress((p) => progress.push(p));
    const result = await api.ingest({ source: 'orders.csv' });
    stop();
    expect(result).toMatchObject({ source: 'orders', table: 'bronze.orders', unchanged: false, rowsLoaded: 3, rowsRejected: 0 });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.source === 'orders')).toBe(true);
    expect(progress.at(-1)?.phase).toBe('done');

    const { tables } = await api.listTables({});
    const orders = tables.find((t) => t.layer === 'bronze' && t.name === 'orders');
    expect(orders).toMatchObject({ rows: 3, kind: 'table' });
    expect(orders?.lastLoadedAt).not.toBeNull();
    const { sources } = await api.listSources({});
    expect(sources).toEqual([expect.objectContaining({ name: 'orders', kind: 'file', lastBatch: expect.objectContaining({ rowsLoaded: 3, status: 'loaded' }) })]);

    const answer = await api.query({ sql: 'SELECT customer, amount FROM bronze.orders ORDER BY id' });
    const table = tableFromIPC(answer.ipc);
    expect(table.getChild('customer')?.toArray()).toEqual(['ann', 'bob', 'cid']);

    const again = await api.ingest({ source: 'orders' });
    expect(again.unchanged).toBe(true);
    expect((await api.listTables({})).tables.find((t) => t.name === 'orders')?.rows).toBe(3);
  });

  it('reports a missing file as data and changes nothing', async () => {
    connected = await connectedHost('shop');
    const err = await connected.api.ingest({ source: 'nope.csv' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngotError);
    expect((err as IngotError).code).toBe('NOT_FOUND');
    expect((await connected.api.listTables({})).tables).toEqual([]);
  });
  it('adds a file as a source before loading it: named after the file, the same one for the same file, unique under a race', async () => {
    connected = await connectedHost('shop');
    const { api, root } = connected;
    await mkdir(join(root, 'data', 'a'), { recursive: true });
    await mkdir(join(root, 'data', 'b'), { recursive: true });
    for (const dir of ['a', 'b']) await writeFile(join(root, 'data', dir, 'Returns 2024.csv'), CSV);
    const outside = join(await tempDir('ingot-outside-'), 'refunds.csv');
    await writeFile(outside, CSV);

    const added = await api.addFileSource({ path: 'data/a/Returns 2024.csv' });
    expect(added).toEqual({ source: 'returns_2024', file: 'sources/returns_2024.yaml', location: 'data/a/Returns 2024.csv', outsideWorkspace: false });
    expect(await api.addFileSource({ path: join(root, 'data', 'a', 'Returns 2024.csv') })).toEqual(added);
    expect(await readFile(join(root, 'sources', 'returns_2024.yaml'), 'utf8')).toContain('path: data/a/Returns 2024.csv');
    // Two files with the same name at once: two sources, no "file exists" failure.
    await rm(join(root, 'sources', 'returns_2024.yaml'));
    const both = await Promise.all([api.addFileSource({ path: 'data/a/Returns 2024.csv' }), api.addFileSource({ path: 'data/b/Returns 2024.csv' })]);
    expect(both.map((b) => b.source).sort()).toEqual(['returns_2024', 'returns_2024_2']);
    expect(await api.addFileSource({ path: outside })).toMatchObject({ source: 'refunds', location: outside, outsideWorkspace: true });

    const missing = await api.addFileSource({ path: 'data/nowhere.csv' }).catch((e: unknown) => e as IngotError);
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'File not found: data/nowhere.csv.', hint: `Ingot looked for ${join(root, 'data', 'nowhere.csv')}. Relative paths start at the workspace folder.` });
    expect(await api.addFileSource({ path: 'data' }).catch((e: unknown) => (e as IngotError).message)).toBe('data is a folder, not a file.');
    const preview = await api.previewFile({ path: 'data/nowhere.csv' }).catch((e: unknown) => e as IngotError);
    expect(preview).toMatchObject({ code: 'NOT_FOUND', hint: `Ingot looked for ${join(root, 'data', 'nowhere.csv')}. Relative paths start at the workspace folder.` });
  });
});
