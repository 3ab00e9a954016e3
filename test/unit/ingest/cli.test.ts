// The `ingot preview`, `ingot ingest` and `ingot tables` commands: JSON output, clear errors and
// non-zero exit codes.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { testWorkspace } from './fixture.js';

/** Runs the CLI in-process; returns the exit code and the parsed JSON it printed. */
async function run(args: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    process.exitCode = undefined;
    const code = await main(args);
    return { code, json: JSON.parse(out) as Record<string, unknown> };
  } finally {
    spy.mockRestore();
    process.exitCode = undefined;
  }
}

afterEach(() => vi.restoreAllMocks());

describe('ingest CLI', () => {
  it('previews, ingests and lists tables with --json', async () => {
    const t = await testWorkspace();
    const file = await t.write('data/orders.csv', 'id,amount\n1,10\n2,20\n3,x\n');
    t.close();
    const preview = await run(['--json', '--workspace', t.root, 'preview', file, '--limit', '2']);
    expect(preview.code).toBe(0);
    expect(preview.json).toMatchObject({ ok: true, format: 'csv', columns: [{ name: 'id', type: 'BIGINT' }, { name: 'amount', type: 'VARCHAR' }], rows: [{ id: 1, amount: '10' }, { id: 2, amount: '20' }] });

    const first = await run(['--json', '--workspace', t.root, 'ingest', file]);
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({ ok: true, results: [{ ok: true, result: { source: 'orders', rowsLoaded: 3, unchanged: false } }] });
    const again = await run(['--json', '--workspace', t.root, 'ingest', '--all']);
    expect(again.json).toMatchObject({ ok: true, results: [{ target: 'orders', ok: true, result: { unchanged: true } }] });

    await t.write('sources/orders.yaml', 'path: data/orders.csv\ncolumns:\n  id: VARCHAR\n');
    const bySource = await run(['--json', '--workspace', t.root, 'preview', 'orders']);
    expect(bySource.json).toMatchObject({ ok: true, columns: [{ name: 'id', type: 'VARCHAR' }, { name: 'amount', type: 'VARCHAR' }], rows: [{ id: '1' }, { id: '2' }, { id: '3' }] });

    const tables = await run(['--json', '--workspace', t.root, 'tables']);
    expect(tables.json).toMatchObject({ ok: true, tables: [{ layer: 'bronze', name: 'orders', rows: 3 }] });
  });

  it('lists tables of a fresh clone, whose database is not built yet', async () => {
    const t = await testWorkspace();
    t.close();
    await rm(join(t.root, '.ingot'), { recursive: true });
    const tables = await run(['--json', '--workspace', t.root, 'tables']);
    expect(tables).toEqual({ code: 0, json: { ok: true, tables: [] } });
  });

  it('exits non-zero with a clear error for a missing source or file', async () => {
    const t = await testWorkspace();
    t.close();
    const missing = await run(['--json', '--workspace', t.root, 'ingest', 'nope']);
    expect(missing.code).toBe(2);
    expect(missing.json).toMatchObject({ ok: false, results: [{ target: 'nope', ok: false, error: { code: 'NOT_FOUND', message: 'No source named "nope".' } }] });
    const none = await run(['--json', '--workspace', t.root, 'ingest']);
    expect(none.code).toBe(2);
    expect(none.json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const preview = await run(['--json', '--workspace', t.root, 'preview', `${t.root}/nothing.csv`]);
    expect(preview.code).toBe(2);
    expect(preview.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
