// A Parquet lake export never damages what is there: it refuses a folder holding other files,
// stops before writing when a table is not published or the selection is wrong, and when a table
// fails mid-way, the export is cancelled, or a folder cannot be replaced, every table of the
// earlier export stays as it was, readable, with its manifest, and no staging folder is left.
// A swap that a killed export left halfway is undone by the next export.
import { existsSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { literal } from '../../../src/engine/db/sql.js';
import { exportLake, type LakeExportOptions } from '../../../src/engine/export/index.js';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { ingotError } from '../ingest/fixture.js';
import { appendBatch, createWorkspace, writeModel } from '../pipeline/helpers.js';
import { filesUnder, stagingLeftovers, withWorkspaceConnection } from './helpers.js';

/** silver.codes (a table), gold.a_total (a table) and gold.b_numbers (a view casting codes to integers). */
async function codesWorkspace(): Promise<string> {
  const root = await createWorkspace({ atomic_publish: false });
  await writeModel(root, 'silver', 'codes', 'SELECT code FROM bronze.codes');
  await writeModel(root, 'gold', 'a_total', 'SELECT count(*) AS codes FROM silver.codes');
  await writeModel(root, 'gold', 'b_numbers', 'SELECT CAST(code AS INTEGER) AS number FROM silver.codes', { materialization: 'view' });
  await addCodes(root, ['1', '2']);
  return root;
}

/** Lands `codes` as a new bronze batch and runs the pipeline. */
async function addCodes(root: string, codes: string[]): Promise<void> {
  const ws = await openWorkspace(root);
  try {
    await appendBatch(ws, 'codes', `SELECT * FROM (VALUES ${codes.map((c) => `(${literal(c)})`).join(', ')}) t(code)`);
    await runPipeline(ws);
  } finally {
    ws.close();
  }
}

async function lake(root: string, dir: string, options: LakeExportOptions = { layers: ['silver', 'gold'] }): ReturnType<typeof exportLake> {
  const ws = await openWorkspace(root);
  try {
    return await exportLake(ws, dir, options);
  } finally {
    ws.close();
  }
}

/** Everything an export left in `dir`: each file with its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of await filesUnder(dir)) out[file] = (await readFile(join(dir, file))).toString('base64');
  return out;
}

async function totalInLake(root: string, dir: string): Promise<number> {
  return withWorkspaceConnection(root, async (conn) => {
    const row = await conn.one<{ n: number }>(`SELECT codes AS n FROM read_parquet(${literal(join(dir, 'gold/a_total/**/*.parquet'))})`);
    return Number(row?.n);
  });
}

describe('ingot export parquet: safety', () => {
  it('refuses a folder holding other files, and a path it cannot create, saying which and what to do', async () => {
    const root = await codesWorkspace();
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.txt'), 'mine');
    const err = await ingotError(lake(root, dir));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toBe(`${dir} is not empty and holds no earlier Parquet lake from Ingot (no ingot-lake.json), so Ingot will not write its files among yours.`);
    expect(err.hint).toBe('Name a new or empty folder (e.g. `ingot export parquet lake`), or empty this one first.');
    expect(await filesUnder(dir)).toEqual(['notes.txt']);

    const blocked = join(dir, 'notes.txt', 'lake');
    const fsErr = await ingotError(lake(root, blocked));
    expect(fsErr.message).toBe(`Cannot write the Parquet lake at ${blocked}: part of the path is a file, not a folder.`);
    expect(await filesUnder(dir)).toEqual(['notes.txt']);
    // A kernel folder is refused up front (creating a folder in /proc never returns).
    const proc = await ingotError(lake(root, '/proc/ingot-lake'));
    expect(proc.message).toBe('/proc/ingot-lake is inside /proc, a folder of the operating system; the Parquet lake cannot be written there.');
  });

  it('stops before writing anything when a table is not published or the selection names nothing', async () => {
    const root = await codesWorkspace();
    await writeModel(root, 'gold', 'c_new', 'SELECT max(code) AS top FROM silver.codes');
    const dir = join(await tempDir(), 'lake');
    const err = await ingotError(lake(root, dir));
    expect([err.code, err.message, err.hint]).toEqual(['NOT_FOUND', 'gold.c_new is not published yet, so there is nothing to export.', 'Run `ingot run +c_new` first, then export again.']);
    const bronze = await ingotError(lake(root, dir, { layers: ['bronze'], selection: 'stg_nothing' }));
    expect([bronze.code, bronze.message]).toEqual(['INVALID_INPUT', 'No model named "stg_nothing".']);
    const none = await ingotError(lake(root, dir, { layers: ['bronze'], selection: 'a_total' }));
    expect(none.message).toBe('"a_total" selects no table in layer bronze.');
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps the earlier export of every table when a table fails mid-way', async () => {
    const root = await codesWorkspace();
    const dir = join(await tempDir(), 'lake');
    expect((await lake(root, dir)).tables.map((t) => t.name)).toEqual(['codes', 'a_total', 'b_numbers']);
    const before = await snapshot(dir);
    // A code that is not a number: silver.codes and gold.a_total rebuild, the view gold.b_numbers
    // now fails when read, after silver.codes and gold.a_total were written to the staging folder.
    await addCodes(root, ['x1']);
    const err = await ingotError(lake(root, dir));
    expect(err.code).toBe('SQL_ERROR');
    expect(err.message).toMatch(new RegExp(`^Exporting gold\\.b_numbers failed, so nothing was changed in ${dir}: Conversion Error`));
    expect(err.hint).toBe('Reading gold.b_numbers fails the same way in `ingot sql "SELECT * FROM gold.b_numbers"`: fix its model or input data, run `ingot run`, then export again.');
    expect(await snapshot(dir)).toEqual(before);
    expect(await totalInLake(root, dir)).toBe(2);
    expect(await stagingLeftovers(dir)).toEqual([]);
  });

  it('keeps the earlier export when cancelled, and exports in full afterwards', async () => {
    const root = await codesWorkspace();
    const dir = join(await tempDir(), 'lake');
    await lake(root, dir);
    const before = await snapshot(dir);
    await addCodes(root, ['3']);
    const controller = new AbortController();
    const seen: string[] = [];
    const onTable = (table: string, index: number): void => {
      seen.push(table);
      if (index === 1) controller.abort();
    };
    const err = await ingotError(lake(root, dir, { layers: ['silver', 'gold'], signal: controller.signal, onTable }));
    expect([err.code, err.message]).toEqual(['CANCELLED', 'The export was cancelled; the lake keeps its earlier export.']);
    expect(seen).toEqual(['silver.codes', 'gold.a_total']);
    expect(await snapshot(dir)).toEqual(before);
    expect(await stagingLeftovers(dir)).toEqual([]);
    await lake(root, dir);
    expect(await totalInLake(root, dir)).toBe(3);
  });

  // A folder on another disk than the temp folder, to link a layer to (Linux: /dev/shm is memory).
  const other = '/dev/shm';
  const otherDisk = existsSync(other) && statSync(other).dev !== statSync(tmpdir()).dev;

  it.skipIf(!otherDisk)('puts every table back when one folder cannot be replaced (a layer linked to another disk)', async () => {
    const root = await codesWorkspace();
    const dir = join(await tempDir(), 'lake');
    await lake(root, dir);
    const elsewhere = await mkdtemp(join(other, 'ingot-test-'));
    try {
      await cp(join(dir, 'gold'), join(elsewhere, 'gold'), { recursive: true });
      await rm(join(dir, 'gold'), { recursive: true });
      await symlink(join(elsewhere, 'gold'), join(dir, 'gold'));
      const before = [await snapshot(dir), await snapshot(elsewhere)];
      await addCodes(root, ['3']);
      const err = await ingotError(lake(root, dir));
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.message).toBe(
        `Cannot write the Parquet lake at ${dir}: part of it is on another disk than the export folder (a link?), so it cannot be swapped by a rename.`,
      );
      expect([await snapshot(dir), await snapshot(elsewhere)]).toEqual(before);
      expect(Object.keys(before[0] ?? {})).toContain('silver/codes/data_0.parquet');
      expect(await totalInLake(root, dir)).toBe(2);
      expect(await stagingLeftovers(dir)).toEqual([]);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('undoes a swap that a killed export left halfway, so the earlier table comes back', async () => {
    const root = await codesWorkspace();
    const dir = join(await tempDir(), 'lake');
    await lake(root, dir);
    const before = await snapshot(dir);
    // What a process killed between moving gold/a_total aside and moving its new version in leaves.
    const staging = join(dir, '.ingot-staging-killed');
    await mkdir(join(staging, 'old', 'gold'), { recursive: true });
    await mkdir(join(staging, 'new', 'gold', 'a_total'), { recursive: true });
    await rename(join(dir, 'gold', 'a_total'), join(staging, 'old', 'gold', 'a_total'));
    await writeFile(join(staging, 'swap.json'), JSON.stringify({ entries: [{ path: 'gold/a_total', hadEarlier: true }], done: false }));
    await lake(root, dir, { layers: ['silver'] });
    expect(await stagingLeftovers(dir)).toEqual([]);
    const after = await snapshot(dir);
    for (const file of Object.keys(before).filter((f) => f.startsWith('gold/'))) expect(after[file], file).toBe(before[file]);
    expect(await totalInLake(root, dir)).toBe(2);
  });
});
