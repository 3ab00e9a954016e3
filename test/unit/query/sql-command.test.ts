// `ingot sql` end to end through the CLI's main(): table output with a row-count footer, JSON
// rows, file export, SQL errors pointing at the position, read-only unless --write.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { openWorkspace, workspacePaths } from '../../../src/engine/workspace/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';

let root: string;

beforeEach(async () => {
  root = await tempDir();
  await initWorkspace(root);
  const ws = await openWorkspace(root);
  await ws.db.withConnection((c) =>
    c.run(`CREATE TABLE bronze.orders AS SELECT range AS id, 'customer ' || (range % 7) AS customer, (range * 2.5)::DECIMAL(10,2) AS total,
      TIMESTAMP '2024-01-01 08:00:00' + to_minutes(range) AS placed_at FROM range(250)`),
  );
  ws.close();
});

/** Runs `ingot --workspace <root> …args` in-process and captures what it prints. */
async function ingot(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return ingotIn(root, ...args);
}

async function ingotIn(workspace: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    const code = await main(['--workspace', workspace, ...args]);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('ingot sql', () => {
  it('prints an aligned table of the rows and how many there are', async () => {
    const { code, out } = await ingot('sql', 'SELECT id, customer, total, placed_at FROM bronze.orders WHERE id IN (1, 10) ORDER BY id');
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      'id  customer    total  placed_at',
      '──  ──────────  ─────  ───────────────────',
      ' 1  customer 1  2.50   2024-01-01 08:01:00',
      '10  customer 3  25.00  2024-01-01 08:10:00',
      '(2 rows)',
      '',
    ]);
  });

  it('shows the first 100 rows (or --limit) and says how many more there are', async () => {
    const shown = await ingot('sql', 'SELECT id FROM bronze.orders ORDER BY id');
    expect(shown.out.trimEnd().split('\n').length).toBe(2 + 100 + 1);
    expect(shown.out).toContain('(250 rows; showing the first 100, 150 more');
    const limited = await ingot('sql', 'SELECT id FROM bronze.orders ORDER BY id', '--limit', '3');
    expect(limited.out).toContain('(250 rows; showing the first 3, 247 more');
  });

  it('prints every row as JSON with --json', async () => {
    const { code, out } = await ingot('--json', 'sql', 'SELECT id, total, placed_at FROM bronze.orders WHERE id < 2 ORDER BY id');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      ok: true,
      columns: [
        { name: 'id', type: 'BIGINT' },
        { name: 'total', type: 'DECIMAL(10,2)' },
        { name: 'placed_at', type: 'TIMESTAMP' },
      ],
      rows: [
        { id: 0, total: '0.00', placed_at: '2024-01-01 08:00:00' },
        { id: 1, total: '2.50', placed_at: '2024-01-01 08:01:00' },
      ],
      rowCount: 2,
      truncated: false,
    });
    const all = JSON.parse((await ingot('--json', 'sql', 'SELECT id FROM bronze.orders')).out) as { rowCount: number };
    expect(all.rowCount).toBe(250);
  });

  it('writes every row to a file with --out, in the format named or implied', async () => {
    const csv = join(root, 'orders.csv');
    const written = await ingot('sql', 'SELECT id, customer FROM bronze.orders ORDER BY id', '--out', csv);
    expect(written.code).toBe(0);
    expect(written.out).toContain(`Wrote 250 rows to ${csv} (csv`);
    const lines = (await readFile(csv, 'utf8')).trimEnd().split('\n');
    expect(lines.length).toBe(251);
    expect(lines[1]).toBe('0,customer 0');

    const data = join(root, 'orders.data');
    const parquet = await ingot('--json', 'sql', 'SELECT * FROM bronze.orders', '--format', 'parquet', '--out', data);
    expect(JSON.parse(parquet.out)).toMatchObject({ ok: true, format: 'parquet', rowCount: 250, path: data });
    const back = await ingot('--json', 'sql', `SELECT count(*) AS n FROM read_parquet('${data}')`);
    expect(JSON.parse(back.out).rows).toEqual([{ n: 250 }]);

    expect((await ingot('sql', 'SELECT 1', '--out', join(root, 'x.txt'))).code).toBe(2);
    expect((await ingot('sql', 'SELECT 1', '--format', 'csv')).code).toBe(2);
  });

  it("refuses to write rows over the workspace's own files: its database, models, sources and ingot.yaml", async () => {
    const paths = workspacePaths(root);
    const before = await readFile(paths.config, 'utf8');
    const cases: [string, string][] = [
      [paths.database, "inside the workspace's .ingot/ folder, where it holds the workspace database"],
      [join(paths.models, 'gold', 'g.sql'), "inside the workspace's models/ folder, where Ingot reads every .sql file there as a model"],
      [join(paths.sources, 'sales.yaml'), "inside the workspace's sources/ folder, where Ingot reads every .yaml file there as a source"],
      [paths.config, "the workspace's ingot.yaml, where Ingot keeps its settings"],
    ];
    for (const [target, where] of cases) {
      const refused = await ingot('sql', 'SELECT 1 AS x', '--out', target, '--format', 'csv');
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`${target} is ${where}; a query's rows do not belong there.`);
    }
    expect(await readFile(paths.config, 'utf8')).toBe(before);
    // The workspace still opens and its data is there.
    expect(JSON.parse((await ingot('--json', 'sql', 'SELECT count(*) AS n FROM bronze.orders')).out).rows).toEqual([{ n: 250 }]);
  });

  it('shows where a SQL error is, with the line and a caret', async () => {
    const { code, err } = await ingot('sql', 'SELECT id,\n  totl\nFROM bronze.orders');
    expect(code).toBe(1);
    expect(err).toContain('(line 2, column 3)');
    expect(err).toContain('\n    totl\n    ^\n');
    expect(err).toContain('hint:');
    const json = await ingot('--json', 'sql', 'SELECT id,\n  totl\nFROM bronze.orders');
    expect(JSON.parse(json.out).error).toMatchObject({ code: 'SQL_ERROR', detail: { line: 2, column: 3 } });
  });

  it('works on a workspace whose database is not built yet, as after a fresh clone', async () => {
    const fresh = await tempDir();
    await initWorkspace(fresh);
    expect(existsSync(workspacePaths(fresh).database)).toBe(false);
    const { code, out } = await ingotIn(fresh, '--json', 'sql', 'SELECT count(*) AS tables FROM information_schema.tables WHERE table_schema = \'bronze\'');
    expect(code).toBe(0);
    expect(JSON.parse(out).rows).toEqual([{ tables: 0 }]);
    expect(existsSync(workspacePaths(fresh).database)).toBe(true);
  });

  it('refuses to change data unless --write is given', async () => {
    const refused = await ingot('sql', 'DELETE FROM bronze.orders');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('read-only');
    expect(JSON.parse((await ingot('--json', 'sql', 'SELECT count(*) AS n FROM bronze.orders')).out).rows).toEqual([{ n: 250 }]);

    const written = await ingot('sql', '--write', 'CREATE TABLE gold.big_orders AS SELECT * FROM bronze.orders WHERE total > 600; SELECT count(*) AS n FROM gold.big_orders');
    expect(written.code).toBe(0);
    expect(written.out).toContain('(1 row)');
    expect(JSON.parse((await ingot('--json', 'sql', 'SELECT count(*) AS n FROM gold.big_orders')).out).rows).toEqual([{ n: 9 }]);
  });
});
