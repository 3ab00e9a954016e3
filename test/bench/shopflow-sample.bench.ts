// Benchmark: generating the ShopFlow sample (all six files plus the manifest) against the bare
// cost of writing the same files: DuckDB reading the generated files and writing them again in
// the same formats, in the same process. The ratio says how much the seeded generation costs on
// top of encoding and writing; rows/s and MB/s say how far it scales (target: 10 M orders well
// under two minutes on 2 cores).
// Run: npx tsx test/bench/shopflow-sample.bench.ts [--rows 1000000] [--threads N]
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/engine/db/duckdb.js';
import { literal } from '../../src/engine/db/sql.js';
import { writeSampleData } from '../../src/engine/sample/shopflow.js';
import { planShopflow } from '../../src/engine/sample/shopflow/plan.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 1_000_000);
const THREADS = arg('threads', 0);

const READERS: Record<string, (path: string) => string> = {
  csv: (p) => `read_csv(${literal(p)}, all_varchar = true, header = true)`,
  parquet: (p) => `read_parquet(${literal(p)})`,
  ndjson: (p) => `read_json(${literal(p)}, format = 'newline_delimited')`,
};
const WRITERS: Record<string, string> = { csv: 'FORMAT csv, HEADER true', parquet: 'FORMAT parquet, COMPRESSION zstd', ndjson: 'FORMAT json' };

const dir = await mkdtemp(join(tmpdir(), 'ingot-bench-shopflow-'));
try {
  const threads = THREADS > 0 ? { threads: THREADS } : {};
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const manifest = await writeSampleData(join(dir, 'sample'), planShopflow(ROWS, 42), threads);
  const generateSeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);

  let bytes = 0;
  let records = 0;
  const db = await openDatabase(':memory:', threads);
  const t1 = performance.now();
  await db.withConnection(async (conn) => {
    for (const [rel, file] of Object.entries(manifest.files)) {
      const source = join(dir, 'sample', rel);
      bytes += (await stat(source)).size;
      records += file.records;
      await conn.run(`COPY (SELECT * FROM ${READERS[file.format]?.(source)}) TO ${literal(join(dir, `copy-${rel.replaceAll('/', '_')}`))} (${WRITERS[file.format]})`);
    }
  });
  const copySeconds = (performance.now() - t1) / 1000;
  db.close();

  console.log(`ShopFlow sample, ${ROWS.toLocaleString('en-US')} orders (${records.toLocaleString('en-US')} records, ${(bytes / 1e6).toFixed(0)} MB in 6 files)`);
  console.log(`  generate:              ${generateSeconds.toFixed(2)} s  (${Math.round(ROWS / generateSeconds).toLocaleString('en-US')} orders/s, ${(bytes / 1e6 / generateSeconds).toFixed(0)} MB/s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`);
  console.log(`  baseline (read+write): ${copySeconds.toFixed(2)} s`);
  console.log(`  ratio generate/copy:   ${(generateSeconds / copySeconds).toFixed(2)}`);
  console.log(`  projected at 10 M:     ${((generateSeconds * 10_000_000) / ROWS).toFixed(0)} s`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
