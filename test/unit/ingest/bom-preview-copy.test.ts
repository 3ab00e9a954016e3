// Newline-delimited JSON with a UTF-8 byte-order mark is read from a copy without the mark. A
// preview, which shows the first rows, copies only the file's first whole lines (at most
// PREVIEW_COPY_BYTES), not the whole file; a load copies all of it.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import { ndjsonFormat } from '../../../src/engine/ingest/file/formats/json.js';
import { copyWithoutBom, PREVIEW_COPY_BYTES, UTF8_BOM } from '../../../src/engine/ingest/file/without-bom.js';
import { previewFile } from '../../../src/engine/ingest/preview.js';
import { tempDir } from '../../helpers/temp-dir.js';

const withBom = (text: string): Buffer => Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);

/** An NDJSON file with a mark, past PREVIEW_COPY_BYTES, whose line `bad` (if any) is not JSON. */
async function bigBomFile(dir: string, bad?: number): Promise<{ path: string; size: number }> {
  const lines: string[] = [];
  for (let i = 0, bytes = 0; bytes < PREVIEW_COPY_BYTES * 1.5; i++) {
    const line = i + 1 === bad ? 'not json' : `{"id":${i},"note":"${'x'.repeat(40)}"}`;
    lines.push(line);
    bytes += line.length + 1;
  }
  const path = join(dir, 'big.ndjson');
  await writeFile(path, withBom(`${lines.join('\n')}\n`));
  return { path, size: (await stat(path)).size };
}

describe('a copy without the byte-order mark', () => {
  it('holds the whole file, or with a byte limit the lines that end within it (at least the first line)', async () => {
    const dir = await tempDir('bomless-');
    const cacheDir = join(dir, 'cache');
    const file = join(dir, 'f.ndjson');
    const copied = async (text: string, maxBytes?: number): Promise<[string, boolean]> => {
      await writeFile(file, withBom(text));
      const copy = await copyWithoutBom(file, 'f.ndjson', cacheDir, undefined, maxBytes);
      try {
        return [await readFile(copy.path, 'utf8'), copy.partial];
      } finally {
        await copy.dispose();
      }
    };
    expect(await copied('aaaa\nbbbb\ncccc\n')).toEqual(['aaaa\nbbbb\ncccc\n', false]);
    expect(await copied('aaaa\nbbbb\ncccc\n', 12)).toEqual(['aaaa\nbbbb\n', true]);
    expect(await copied('aaaa\r\nbbbb\r\ncccc\r\n', 13)).toEqual(['aaaa\r\nbbbb\r\n', true]);
    expect(await copied('aaaa\nbbbb\ncccc\n', 15)).toEqual(['aaaa\nbbbb\ncccc\n', false]);
    expect(await copied('aaaa\nbbbb\ncccc', 100)).toEqual(['aaaa\nbbbb\ncccc', false]);
    expect(await copied(`${'x'.repeat(50)}\nshort\n`, 10)).toEqual([`${'x'.repeat(50)}\n`, true]);
    expect(await copied(`${'x'.repeat(50)}\n`, 10)).toEqual([`${'x'.repeat(50)}\n`, false]);
    expect(await copied('x'.repeat(50), 10)).toEqual(['x'.repeat(50), false]);
    expect(await readdir(cacheDir)).toEqual([]);
  });
});

describe('previewing newline-delimited JSON with a byte-order mark', () => {
  it('copies only the start of a big file, as long as the preview reads it, and shows its first rows', async () => {
    const dir = await tempDir('bom-preview-');
    const cacheDir = join(dir, 'cache');
    const { path, size } = await bigBomFile(dir);
    expect(size).toBeGreaterThan(PREVIEW_COPY_BYTES);
    const db = await openDatabase(':memory:');
    try {
      await db.withConnection(async (conn) => {
        // As preview inspects it: only the first rows are needed.
        const inspected = await ndjsonFormat.inspect({ conn, cacheDir, displayName: 'big.ndjson', maxRows: 100 }, path, {});
        try {
          const copies = await readdir(cacheDir);
          expect(copies).toHaveLength(1);
          const copy = await readFile(join(cacheDir, copies[0] as string));
          expect(copy.length).toBeLessThanOrEqual(PREVIEW_COPY_BYTES);
          expect(copy.length).toBeGreaterThan(PREVIEW_COPY_BYTES - 100);
          expect(copy[copy.length - 1]).toBe(10);
          const first = await conn.all<{ id: number }>(`SELECT id FROM ${inspected.relation(inspected.columns)} LIMIT 3`);
          expect(first.map((r) => Number(r.id))).toEqual([0, 1, 2]);
        } finally {
          await inspected.dispose?.();
        }
        expect(await readdir(cacheDir)).toEqual([]);

        const p = await previewFile(conn, path, {}, { displayName: 'big.ndjson', cacheDir, limit: 5 });
        expect(tableFromIPC(p.rows.ipc).getChild('id')?.toArray()).toEqual(new BigInt64Array([0n, 1n, 2n, 3n, 4n]));
        expect(p.rejects).toEqual([]);
        expect(p.warnings).toEqual([]);
        expect(await readdir(cacheDir)).toEqual([]);
      });
    } finally {
      db.close();
    }
  });

  it('lists a malformed line of the start it read, and says its counts are of that start', async () => {
    const dir = await tempDir('bom-preview-');
    const cacheDir = join(dir, 'cache');
    const { path } = await bigBomFile(dir, 3);
    const db = await openDatabase(':memory:');
    try {
      const p = await db.withConnection((conn) => previewFile(conn, path, {}, { displayName: 'big.ndjson', cacheDir, limit: 3 }));
      expect(tableFromIPC(p.rows.ipc).getChild('id')?.toArray()).toEqual(new BigInt64Array([0n, 1n, 3n]));
      expect(p.rejects).toEqual([{ line: 3, column: null, error: expect.stringMatching(/^Malformed JSON/) as unknown as string }]);
      expect(p.warnings).toHaveLength(1);
      expect(p.warnings[0]).toMatch(/^big\.ndjson:3: 1 line is not valid JSON and went to the rejects \(.*\); the other [\d,]+ of the first [\d,]+ lines, which the preview read, parse\.$/);
      expect(await readdir(cacheDir)).toEqual([]);
    } finally {
      db.close();
    }
  });
});
