// Table sizes from DuckDB's storage metadata on a real database file: incompressible data takes
// about its raw width, a sequence almost nothing, and all tables together fit in the used blocks.
import { describe, expect, it } from 'vitest';
import { databaseSize, tableStorage } from '../../../src/engine/capacity/index.js';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('table storage', () => {
  it('sizes tables from DuckDB storage: compressible data takes less, and all tables fit in the file', async () => {
    const paths = await initWorkspace(await tempDir());
    const ws = await openWorkspace(paths.root);
    try {
      await ws.db.withConnection(async (conn) => {
        await conn.run('CREATE TABLE bronze.sequence AS SELECT range AS id FROM range(200000)');
        await conn.run('CREATE TABLE bronze.noise AS SELECT hash(range) AS h, random() AS r FROM range(200000)');
        await conn.run('CHECKPOINT');
        const sizes = await tableStorage(conn, ['bronze']);
        const seq = sizes.find((s) => s.table === 'sequence');
        const noise = sizes.find((s) => s.table === 'noise');
        expect(seq?.rows).toBe(200_000);
        expect(noise?.rows).toBe(200_000);
        // 200,000 × (8 B hash + 8 B double) of noise barely compresses; a sequence compresses to almost nothing.
        expect(noise!.bytes).toBeGreaterThan(2_000_000);
        expect(noise!.bytes).toBeLessThanOrEqual(200_000 * 16 + 262_144);
        expect(seq!.bytes).toBeGreaterThan(0);
        expect(seq!.bytes).toBeLessThan(noise!.bytes / 50);
        const all = await tableStorage(conn);
        const db = await databaseSize(conn);
        expect(all.reduce((sum, t) => sum + t.bytes, 0)).toBeLessThanOrEqual(db.usedBytes);
      });
    } finally {
      ws.close();
    }
  });
});
