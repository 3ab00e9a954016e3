// Benchmark: an HTTP source (`ingestSource`: cursor pagination, spool, checkpoints, bronze landing
// with lineage, primary-key dedup and the incremental cursor) against a plain fetch loop that
// writes the records as NDJSON and then runs `CREATE TABLE … AS SELECT * FROM read_json(…)`, on
// the same pages from the same local server (a child process of its own). Each side runs in a
// fresh child process, so its peak RSS is its own. Target ratio ≤ 1.3; reports records/s and peak RSS.
//
//   npx tsx test/bench/http.bench.ts
//   INGOT_BENCH_RECORDS=1000000   records in the feed (default 1,000,000)
//   INGOT_BENCH_PAGES=1000        pages they are served in (default 1,000)
//   INGOT_BENCH_RUNS=1            timed runs per side (median is reported)
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { literal } from '../../src/engine/db/sql.js';
import { ingestSource } from '../../src/engine/ingest/ingest.js';
import { initWorkspace } from '../../src/engine/workspace/init.js';
import { openWorkspace, type Workspace } from '../../src/engine/workspace/workspace.js';

const records = Number(process.env.INGOT_BENCH_RECORDS ?? 1_000_000);
const pages = Number(process.env.INGOT_BENCH_PAGES ?? 1000);
const runs = Number(process.env.INGOT_BENCH_RUNS ?? 1);
const perPage = Math.ceil(records / pages);

/** The feed server, run in a child process: page p holds records p·perPage … (p+1)·perPage − 1. */
const SERVER = `
const http = require('node:http');
const [records, perPage] = process.argv.slice(1).map(Number);
const statuses = ['placed', 'paid', 'shipped', 'cancelled'];
const record = (i) => ({ event_id: i, order_id: Math.floor(i / 3), type: statuses[i % 4],
  updated_at: new Date(1704067200000 + i * 1000).toISOString(), amount: (i % 100000) / 100, currency: 'EUR',
  customer: { id: 'C' + (i % 50000), country: ['DE', 'FR', 'NL'][i % 3] }, items: 1 + (i % 4) });
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const page = Number(url.searchParams.get('cursor') ?? '0');
  const from = page * perPage;
  const data = [];
  for (let i = from; i < Math.min(records, from + perPage); i++) data.push(record(i));
  const next = from + perPage < records ? String(page + 1) : null;
  const body = JSON.stringify({ data, meta: { next_cursor: next } });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-e', SERVER, String(records), String(perPage)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (c: Buffer) => resolve({ child, url: `http://127.0.0.1:${c.toString().trim()}/events` }));
    child.once('exit', (code) => reject(new Error(`feed server exited with ${code}`)));
  });
}

/** Runs `fn`, sampling this process's RSS; returns its time and the peak RSS while it ran. */
async function measured(fn: () => Promise<void>): Promise<{ ms: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const t0 = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return { ms: performance.now() - t0, peakRssMb: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024 };
}

async function fetchLoop(ws: Workspace, url: string, root: string): Promise<void> {
  const file = join(root, 'baseline.ndjson');
  const out = createWriteStream(file);
  let cursor: string | null = null;
  let n = 0;
  do {
    const res = await fetch(cursor === null ? url : `${url}?cursor=${cursor}`);
    const doc = (await res.json()) as { data: unknown[]; meta: { next_cursor: string | null } };
    n += doc.data.length;
    if (!out.write(doc.data.map((r) => JSON.stringify(r)).join('\n') + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
    cursor = doc.meta.next_cursor;
  } while (cursor !== null);
  await new Promise<void>((resolve) => out.end(resolve));
  await ws.db.withConnection((c) => c.run(`CREATE OR REPLACE TABLE main.baseline AS SELECT * FROM read_json(${literal(file)}, format='newline_delimited')`));
  await rm(file);
  if (n !== records) throw new Error(`baseline fetched ${n} records, expected ${records}`);
}

async function ingot(ws: Workspace): Promise<void> {
  const r = await ingestSource(ws, 'events', { replace: true });
  if (r.rowsLoaded !== records) throw new Error(`ingestSource loaded ${r.rowsLoaded} rows, expected ${records}`);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? Number.NaN) + (s[mid] ?? Number.NaN)) / 2;
}

interface SideResult {
  ms: number;
  peakRssMb: number;
}

/** One timed side in this process (run as a child, so each side's peak RSS is its own). */
async function side(which: 'baseline' | 'ingot', root: string, url: string): Promise<void> {
  const ws = await openWorkspace(root);
  try {
    await ws.db.checkpoint();
    const result = await measured(() => (which === 'baseline' ? fetchLoop(ws, url, root) : ingot(ws)));
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    ws.close();
  }
}

function runSide(which: 'baseline' | 'ingot', root: string, url: string): Promise<SideResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--side', which, root, url], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as SideResult) : reject(new Error(`${which} run failed (exit ${code})`)))),
  );
}

async function main(): Promise<void> {
  const root = join(tmpdir(), `ingot-http-bench-${process.pid}`);
  await rm(root, { recursive: true, force: true });
  await initWorkspace(root, { name: 'bench' });
  const { child, url } = await startServer();
  await writeFile(
    join(root, 'sources', 'events.yaml'),
    stringify({ kind: 'http', url, records: 'data', primary_key: 'event_id', pagination: { type: 'cursor', cursor_path: 'meta.next_cursor', param: 'cursor' }, incremental: { cursor_field: 'updated_at', param: 'updated_since' } }),
  );
  console.log(`${records.toLocaleString('en-US')} records over ${pages} pages of ${perPage} from ${url}`);
  const base: SideResult[] = [];
  const ours: SideResult[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // Alternate which side goes first so drift in machine load evens out.
      const order = i % 2 === 0 ? (['baseline', 'ingot'] as const) : (['ingot', 'baseline'] as const);
      for (const which of order) (which === 'baseline' ? base : ours).push(await runSide(which, root, url));
      console.log(`run ${i + 1}: fetch loop + read_json ${(base[i]!.ms / 1000).toFixed(2)}s, ingestSource ${(ours[i]!.ms / 1000).toFixed(2)}s`);
    }
    const b = median(base.map((x) => x.ms));
    const o = median(ours.map((x) => x.ms));
    const rate = (ms: number): string => `${Math.round(records / (ms / 1000)).toLocaleString('en-US')} records/s`;
    console.log(`fetch loop + read_json: ${(b / 1000).toFixed(2)}s (${rate(b)}), peak RSS ${Math.max(...base.map((x) => x.peakRssMb)).toFixed(0)} MB`);
    console.log(`ingestSource:           ${(o / 1000).toFixed(2)}s (${rate(o)}), peak RSS ${Math.max(...ours.map((x) => x.peakRssMb)).toFixed(0)} MB`);
    console.log(`ratio ingestSource / fetch loop: ${(o / b).toFixed(3)} (target ≤ 1.3)`);
  } finally {
    child.kill();
    await rm(root, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--side');
if (at >= 0) await side(process.argv[at + 1] as 'baseline' | 'ingot', process.argv[at + 2] ?? '', process.argv[at + 3] ?? '');
else await main();
