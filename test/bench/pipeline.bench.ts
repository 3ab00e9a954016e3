// Benchmark of the pipeline runner on the ShopFlow sample (issue 3's targets):
//   1. `ingot run` (runPipeline) vs the same model SQL hand-run as CREATE TABLE … AS on one
//      connection in the same process, both on the same bronze data: ratio ≤ 1.15;
//   2. a no-op re-run: ≤ 5% of the full run;
//   3. an incremental run after one new day of data (the new day's orders and lines from the
//      sample's late batch): ≤ 10% of the full run.
// For information it also times the rest of the late batch (late orders for old days and status
// updates, scattered over every partition) as a second incremental run.
// Run: `npx tsx test/bench/pipeline.bench.ts` (BENCH_ROWS=10000000 by default; e.g. BENCH_ROWS=300000).
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/engine/db/duckdb.js';
import type { SqlConnection } from '../../src/engine/db/connection.js';
import { literal, qualified } from '../../src/engine/db/sql.js';
import { runPipeline } from '../../src/engine/pipeline/runner.js';
import { loadGraph } from '../../src/engine/pipeline/load-graph.js';
import { createShopflowSample } from '../../src/engine/sample/shopflow.js';
import { openWorkspace, type Workspace } from '../../src/engine/workspace/workspace.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000_000);
const FIRST = [
  ['customers', 'data/customers.csv'],
  ['products', 'data/products.ndjson'],
  ['orders', 'data/orders/orders_1.csv'],
  ['order_items', 'data/order_items/order_items_1.parquet'],
] as const;

let batch = 0;
/** Appends a file (rows matching `where`) to bronze.<table> as one batch with ingest's lineage columns. */
async function land(conn: SqlConnection, root: string, table: string, file: string, where = 'true'): Promise<void> {
  const path = literal(join(root, file));
  const reader = file.endsWith('.parquet') ? `read_parquet(${path})` : file.endsWith('.csv') ? `read_csv(${path}, all_varchar = true)` : `read_json_auto(${path})`;
  batch++;
  const rows = `SELECT *, ${batch}::BIGINT AS _batch_id, ${literal(file)} AS _source_file, row_number() OVER () AS _row_number, current_timestamp AS _loaded_at FROM ${reader} WHERE ${where}`;
  const exists = await conn.one<{ n: number }>("SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = 'bronze' AND table_name = ?", [table]);
  if (Number(exists?.n) === 0) await conn.run(`CREATE TABLE ${qualified('bronze', table)} AS ${rows}`);
  else await conn.run(`INSERT INTO ${qualified('bronze', table)} BY NAME ${rows}`);
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(46)} ${(ms / 1000).toFixed(2).padStart(8)} s`);
  return { ms, value };
}

async function handRun(dbPath: string, ws: Workspace, label: string): Promise<number> {
  const order = await ws.db.withConnection(async (c) => (await loadGraph(ws, c)).order.map((k) => k.split('.') as [string, string]));
  const db = await openDatabase(dbPath, { threads: ws.config.duckdb.threads ?? 2, memoryLimit: ws.config.duckdb.memory_limit ?? '4GB' });
  try {
    const conn = await db.connect();
    const { ms } = await timed(label, async () => {
      for (const [layer, name] of order) {
        const sql = await readFile(join(ws.paths.models, layer, `${name}.sql`), 'utf8');
        await conn.run(`CREATE OR REPLACE TABLE ${qualified(layer, name)} AS\n${sql}`);
      }
      await conn.run('CHECKPOINT');
    });
    conn.close();
    return ms;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ingot-bench-'));
  const root = join(dir, 'shop');
  try {
    console.log(`ShopFlow pipeline benchmark, ${ROWS.toLocaleString('en')} orders`);
    await timed('generate the sample', () => createShopflowSample(root, { rows: ROWS }));
    await rm(join(root, 'models'), { recursive: true, force: true });
    await cp(join(process.cwd(), 'assets', 'sample-models'), join(root, 'models'), { recursive: true });
    const ws = await openWorkspace(root);
    await timed('load bronze (not part of the comparison)', () => ws.db.withConnection(async (c) => {
      for (const [table, file] of FIRST) await land(c, root, table, file);
    }));
    await ws.db.checkpoint();
    // The baseline runs on a copy of the same database, so both start from identical bronze.
    ws.close();
    const baselinePath = join(dir, 'baseline.duckdb');
    await cp(join(root, '.ingot', 'ingot.duckdb'), baselinePath);
    const reopened = await openWorkspace(root);
    // Each side twice, alternating, keeping the faster: the machine may be busy with other work.
    const hand1 = await handRun(baselinePath, reopened, 'hand-written SQL, one connection');
    const full = await timed('ingot run (full)', () => runPipeline(reopened));
    if (full.value.status !== 'success') throw new Error(`full run: ${full.value.message}`);
    const hand2 = await handRun(baselinePath, reopened, 'hand-written SQL again');
    const refresh = await timed('ingot run --full-refresh', () => runPipeline(reopened, { fullRefresh: true }));
    const hand = Math.min(hand1, hand2);
    const fullMs = Math.min(full.ms, refresh.ms);
    const noop = await timed('ingot run again (no-op)', () => runPipeline(reopened));
    if (!noop.value.noop) throw new Error('the second run was not a no-op');
    const manifest = JSON.parse(await readFile(join(root, 'data', 'MANIFEST.json'), 'utf8')) as { orders: { batch2: { new_day: string } } };
    const day = literal(manifest.orders.batch2.new_day);
    const newDayOrders = `(SELECT order_id FROM read_csv(${literal(join(root, 'data/late/orders_2.csv'))}, all_varchar = true) WHERE order_date = ${day})`;
    await reopened.db.withConnection(async (c) => {
      await land(c, root, 'orders', 'data/late/orders_2.csv', `order_date = ${day}`);
      await land(c, root, 'order_items', 'data/late/order_items_2.parquet', `CAST(order_id AS VARCHAR) IN ${newDayOrders}`);
    });
    await reopened.db.checkpoint();
    const incremental = await timed(`ingot run after one new day (${manifest.orders.batch2.new_day})`, () => runPipeline(reopened));
    if (incremental.value.status !== 'success') throw new Error(`incremental run: ${incremental.value.message}`);
    console.log(`  modes: ${incremental.value.models.map((m) => `${m.model}=${m.status === 'unchanged' ? 'unchanged' : m.mode}`).join(', ')}`);
    await reopened.db.withConnection(async (c) => {
      await land(c, root, 'orders', 'data/late/orders_2.csv', `order_date <> ${day}`);
      await land(c, root, 'order_items', 'data/late/order_items_2.parquet', `CAST(order_id AS VARCHAR) NOT IN ${newDayOrders}`);
    });
    await reopened.db.checkpoint();
    const late = await timed('ingot run after late orders for old days', () => runPipeline(reopened));
    if (late.value.status !== 'success') throw new Error(`late run: ${late.value.message}`);
    reopened.close();
    const ratio = (a: number, b: number): string => (a / b).toFixed(3);
    console.log('');
    console.log(`runner / hand-written          ${ratio(fullMs, hand)}   (target ≤ 1.15)`);
    console.log(`no-op re-run / full run        ${ratio(noop.ms, fullMs)}   (target ≤ 0.05)`);
    console.log(`incremental run / full run     ${ratio(incremental.ms, fullMs)}   (target ≤ 0.10)`);
    console.log(`late-orders run / full run     ${ratio(late.ms, fullMs)}   (no target: late rows touch every day)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
