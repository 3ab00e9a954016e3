// Benchmark: `ingestSource` (bronze landing with lineage, rejects, record count and content
// hash) against the bare `CREATE TABLE t AS SELECT * FROM read_csv(…)` on the same generated
// ShopFlow-like orders CSV, in the same process; target ratio ≤ 1.10. For reference it also
// times a bare statement that writes the same four lineage columns (same types and storage), to
// show what the lineage costs DuckDB apart from Ingot's own work. The `memory` mode loads a CSV
// larger than DuckDB's memory_limit and reports peak RSS.
//
//   npx tsx test/bench/ingest.bench.ts [ratio|memory]
//   INGOT_BENCH_MB=1024        size of the generated CSV (default 1024 MB)
//   INGOT_BENCH_RUNS=3         timed runs per side in ratio mode (median is reported)
//   INGOT_BENCH_MEMORY=1GB     memory_limit in memory mode
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ingestSource } from '../../src/engine/ingest/ingest.js';
import type { SqlConnection } from '../../src/engine/db/connection.js';
import { ident, literal } from '../../src/engine/db/sql.js';
import { LINEAGE_COLUMNS } from '../../src/engine/ingest/lineage.js';
import { openWorkspace, type Workspace } from '../../src/engine/workspace/workspace.js';
import { initWorkspace } from '../../src/engine/workspace/init.js';

const mode = process.argv[2] ?? 'ratio';
const targetMb = Number(process.env.INGOT_BENCH_MB ?? 1024);
const runs = Number(process.env.INGOT_BENCH_RUNS ?? 3);
const memoryLimit = process.env.INGOT_BENCH_MEMORY ?? '1GB';

const ORDERS = (rows: number): string => `
  SELECT 1000000 + i AS order_id,
         'C' || lpad(((i * 7919) % 250000)::VARCHAR, 7, '0') AS customer_id,
         DATE '2023-01-01' + ((i * 13) % 730)::INTEGER AS order_date,
         TIMESTAMP '2023-01-01 00:00:00' + to_seconds(i * 37 % 63072000) AS updated_at,
         ['placed', 'paid', 'shipped', 'delivered', 'cancelled'][1 + i % 5] AS status,
         ['web', 'app', 'store'][1 + i % 3] AS channel,
         round(((i * 104729) % 500000) / 100.0 + 1, 2) AS amount,
         'EUR' AS currency,
         (i % 4)::INTEGER AS item_count,
         CASE WHEN i % 11 = 0 THEN 'gift, wrap "please"' ELSE '' END AS note
  FROM range(${rows}) t(i)`;

/** Wall time, and CPU time of the whole process (DuckDB's threads included), in ms. */
interface Measured {
  ms: number;
  cpuMs: number;
}

async function measure(work: () => Promise<unknown>): Promise<Measured> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await work();
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function setup(memory?: string): Promise<{ ws: Workspace; csv: string; root: string }> {
  const root = join(tmpdir(), `ingot-bench-${process.pid}`);
  await rm(root, { recursive: true, force: true });
  await initWorkspace(root, { name: 'bench' });
  if (memory) {
    await writeFile(join(root, 'ingot.yaml'), stringify({ name: 'bench', version: 1, duckdb: { memory_limit: memory, threads: 2, temp_directory: '.ingot/tmp' } }));
  }
  const ws = await openWorkspace(root);
  await mkdir(join(root, 'data'), { recursive: true });
  const csv = join(root, 'data', 'orders.csv');
  const t0 = Date.now();
  await ws.db.withConnection(async (c) => {
    const sample = join(root, 'sample.csv');
    await c.run(`COPY (${ORDERS(100_000)}) TO ${literal(sample)} (HEADER)`);
    const perRow = (await stat(sample)).size / 100_000;
    await rm(sample);
    const rows = Math.max(1000, Math.round((targetMb * 1024 * 1024) / perRow));
    await c.run(`COPY (${ORDERS(rows)}) TO ${literal(csv)} (HEADER)`);
  });
  const size = (await stat(csv)).size;
  console.log(`generated ${(size / 1024 / 1024).toFixed(0)} MB CSV in ${((Date.now() - t0) / 1000).toFixed(1)}s: ${csv}`);
  return { ws, csv, root };
}

/** Times `load`, which creates `table`; the table is dropped (and the drop checkpointed) before and after, untimed. */
async function timedLoad(ws: Workspace, table: string, load: (c: SqlConnection) => Promise<unknown>): Promise<Measured> {
  return ws.db.withConnection(async (c) => {
    const drop = async (): Promise<void> => {
      await c.run(`DROP TABLE IF EXISTS ${table}`);
      await c.run('CHECKPOINT');
    };
    await drop();
    const measured = await measure(() => load(c));
    await drop();
    return measured;
  });
}

function bare(ws: Workspace, csv: string): Promise<Measured> {
  return timedLoad(ws, 'main.bare_orders', (c) => c.run(`CREATE TABLE main.bare_orders AS SELECT * FROM read_csv(${literal(csv)})`));
}

/** The bare load plus the four lineage columns bronze carries, created as bronze creates them. */
function bareWithLineage(ws: Workspace, csv: string): Promise<Measured> {
  return timedLoad(ws, 'main.bare_lineage', async (c) => {
    const columns = await c.describe(`SELECT * FROM read_csv(${literal(csv)})`);
    const definitions = [...columns.map((col) => `${ident(col.name)} ${col.type}`), ...LINEAGE_COLUMNS.map((l) => [ident(l.name), l.type, l.storage ?? ''].join(' ').trim())];
    await c.run(`CREATE TABLE main.bare_lineage (${definitions.join(', ')})`);
    const lineage = `1::BIGINT AS _batch_id, ${literal('data/orders.csv')} AS _source_file, now()::TIMESTAMP AS _loaded_at`;
    await c.run(`INSERT INTO main.bare_lineage BY NAME SELECT *, ${lineage} FROM read_csv(${literal(csv)})`);
  });
}

/** A first load of the file, as the bare side's CREATE TABLE is: the previous run's bronze table is dropped untimed (a dropped table holds none of the ledger's batches). */
async function landed(ws: Workspace, csv: string): Promise<Measured> {
  await ws.db.withConnection(async (c) => {
    await c.run('DROP TABLE IF EXISTS bronze.orders');
    await c.run('CHECKPOINT');
  });
  const measured = await measure(async () => {
    const r = await ingestSource(ws, csv);
    if (r.rowsLoaded + r.rowsRejected !== r.recordsCounted) throw new Error('record count mismatch');
  });
  return measured;
}

async function ratioMode(): Promise<void> {
  const { ws, root } = await setup();
  const csv = join(root, 'data', 'orders.csv');
  const bareRuns: Measured[] = [];
  const ingestRuns: Measured[] = [];
  const lineageRuns: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate the order so page-cache warmth and drift in machine load even out.
    if (i % 2 === 0) {
      bareRuns.push(await bare(ws, csv));
      ingestRuns.push(await landed(ws, csv));
      lineageRuns.push(await bareWithLineage(ws, csv));
    } else {
      lineageRuns.push(await bareWithLineage(ws, csv));
      ingestRuns.push(await landed(ws, csv));
      bareRuns.push(await bare(ws, csv));
    }
    const [b, g, l] = [bareRuns[i] as Measured, ingestRuns[i] as Measured, lineageRuns[i] as Measured];
    console.log(
      `run ${i + 1}: bare ${(b.ms / 1000).toFixed(2)}s (cpu ${(b.cpuMs / 1000).toFixed(1)}s), ingest ${(g.ms / 1000).toFixed(2)}s (cpu ${(g.cpuMs / 1000).toFixed(1)}s), ratio ${(g.ms / b.ms).toFixed(3)}; bare + lineage ${(l.ms / 1000).toFixed(2)}s`,
    );
  }
  const [bareMs, ingestMs] = [median(bareRuns.map((r) => r.ms)), median(ingestRuns.map((r) => r.ms))];
  const [bareCpu, ingestCpu] = [median(bareRuns.map((r) => r.cpuMs)), median(ingestRuns.map((r) => r.cpuMs))];
  console.log(`median bare CREATE TABLE AS read_csv: ${(bareMs / 1000).toFixed(2)}s (cpu ${(bareCpu / 1000).toFixed(1)}s)`);
  console.log(`median ingestSource:                  ${(ingestMs / 1000).toFixed(2)}s (cpu ${(ingestCpu / 1000).toFixed(1)}s)`);
  // Machine speed drifts between runs here; the ratio of each back-to-back pair cancels most of it.
  const pairRatios = ingestRuns.map((g, i) => g.ms / (bareRuns[i] as Measured).ms);
  console.log(`ratio of medians ingest / bare: ${(ingestMs / bareMs).toFixed(3)}; median of per-pair ratios: ${median(pairRatios).toFixed(3)} (target ≤ 1.10)`);
  console.log(`cpu time ratio: ${(ingestCpu / bareCpu).toFixed(3)}`);
  const lineagePairs = ingestRuns.map((g, i) => g.ms / (lineageRuns[i] as Measured).ms);
  const lineageCost = lineageRuns.map((l, i) => l.ms / (bareRuns[i] as Measured).ms);
  console.log(`for reference: bare + lineage columns / bare: ${median(lineageCost).toFixed(3)}; ingest / (bare + lineage columns): ${median(lineagePairs).toFixed(3)} (medians of per-run ratios)`);
  ws.close();
  await rm(root, { recursive: true, force: true });
}

async function memoryMode(): Promise<void> {
  const { ws, root, csv } = await setup(memoryLimit);
  const t0 = performance.now();
  const r = await ingestSource(ws, csv);
  const seconds = (performance.now() - t0) / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(`memory_limit ${memoryLimit}: loaded ${r.rowsLoaded} rows (${r.rowsRejected} rejected, ${r.recordsCounted} counted) in ${seconds.toFixed(1)}s`);
  console.log(`peak RSS of this process: ${peakMb.toFixed(0)} MB`);
  ws.close();
  await rm(root, { recursive: true, force: true });
}

await (mode === 'memory' ? memoryMode() : ratioMode());
