// Locating rejected records closes the file it reads, also when it stops early: `ingot serve`
// runs for days, and on Windows a file left open cannot be replaced.
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { recordLocator } from '../../../src/engine/ingest/file/locate-rejects.js';
import type { CsvDialect } from '../../../src/engine/ingest/types.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** This process's open descriptors on `path` (Linux: /proc/self/fd). */
function openDescriptors(path: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
}

/** Waits up to a second for the descriptors on `path` to close (closing is asynchronous). */
async function settledDescriptors(path: string): Promise<number> {
  let open = openDescriptors(path);
  for (let i = 0; i < 20 && open > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    open = openDescriptors(path);
  }
  return open;
}

const dialect: CsvDialect = { delimiter: ',', quote: '"', escape: '"', newline: '\n', comment: '', skipRows: 0, header: true, dateFormat: null, timestampFormat: null, encoding: 'utf-8' };

describe.skipIf(!existsSync('/proc/self/fd'))('locating rejected records', () => {
  it('closes a gzip file and a plain one when the last reject lies early in them', async () => {
    const dir = await tempDir('locate-');
    const text = ['id,name', ...Array.from({ length: 400_000 }, (_, i) => `${i},name ${i}`)].join('\n') + '\n';
    const gz = join(dir, 'big.csv.gz');
    const plain = join(dir, 'big.csv');
    // Large enough that the reading stops long before the end of either file.
    await writeFile(gz, gzipSync(text));
    await writeFile(plain, text);
    for (const path of [gz, plain]) {
      const locate = recordLocator(path, dialect);
      if (!locate) throw new Error('expected a locator');
      for (let i = 0; i < 10; i++) expect([...(await locate([18]))]).toEqual([[18, { line: 3, raw: '1,name 1' }]]);
      expect(await settledDescriptors(path)).toBe(0);
    }
  });
});
