// Benchmark: the engine RPC over a real `ingot serve` WebSocket. (1) round trip of a 1-row query,
// p50/p95, against the same handler called directly in-process (the baseline); (2) a 100k-row
// Arrow page end to end (engine + WebSocket + decode) against the direct call + decode; (3) the
// same page's bytes alone sent over a WebSocket RPC and decoded with apache-arrow (MB/s), which
// isolates the transport from the engine's Arrow encoding.
// Run: npx tsx test/bench/rpc.bench.ts [--rows 100000] [--calls 500]
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { startServe } from '../../src/cli/serve/start-serve.js';
import { initWorkspace } from '../../src/engine/workspace/init.js';
import { ArrowPayloadSchema, EmptySchema, type ArrowPayload } from '../../src/shared/api/common.js';
import { API_VERSION, ENGINE_CONTRACT, type Contract } from '../../src/shared/api/engine-api.js';
import { createRpcClient } from '../../src/shared/rpc/client.js';
import { serveRpc } from '../../src/shared/rpc/server.js';
import { webSocketTransport } from '../../src/shared/rpc/websocket-transport.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 100_000);
const CALLS = arg('calls', 500);
const PAGES = 10;

const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
async function timeEach(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}
const ms = (x: number): string => `${x.toFixed(3)} ms`;

/** Serves one fixed Arrow payload over a WebSocket RPC; returns a client call and a stop function. */
async function payloadServer(payload: ArrowPayload): Promise<{ fetchPage: () => Promise<ArrowPayload>; stop: () => Promise<void> }> {
  const contract = { methods: { page: { request: EmptySchema, result: ArrowPayloadSchema } }, events: {} } satisfies Contract;
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (ws) => serveRpc(contract, { page: async () => payload }, webSocketTransport(ws)));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const client = createRpcClient(contract, webSocketTransport(new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`)));
  return {
    fetchPage: () => client.page({}),
    stop: async () => {
      client.close();
      await new Promise((resolve) => wss.close(resolve));
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

const base = await mkdtemp(join(tmpdir(), 'ingot-rpc-bench-'));
const workspaceRoot = join(base, 'ws');
await initWorkspace(workspaceRoot);
await mkdir(join(base, 'renderer'));
const serve = await startServe({ workspaceRoot, port: 0, staticRoot: join(base, 'renderer') });
try {
  await serve.host.workspace.db.withConnection((c) =>
    c.run(`CREATE TABLE bronze.bench AS
           SELECT range AS id, 'customer_' || (range % 9973) AS name, (range * 0.37)::DOUBLE AS amount,
                  TIMESTAMP '2024-01-01' + INTERVAL (range) SECOND AS ts, range % 2 = 0 AS flag
           FROM range(${ROWS})`),
  );
  const socket = new WebSocket(`ws://127.0.0.1:${serve.port}/rpc?token=${serve.token}`, { origin: serve.origin });
  const api = createRpcClient(ENGINE_CONTRACT, webSocketTransport(socket));
  await api.hello({ apiVersion: API_VERSION, client: 'rpc-bench' });
  const signal = new AbortController().signal;
  const oneRow = { sql: 'SELECT 1 AS x', limit: 10_000, offset: 0 };

  // 1. Round trip of a 1-row query.
  await timeEach(50, () => api.query(oneRow));
  await timeEach(50, () => serve.host.handlers.query(oneRow, { signal }));
  const direct = await timeEach(CALLS, () => serve.host.handlers.query(oneRow, { signal }));
  const viaRpc = await timeEach(CALLS, () => api.query(oneRow));
  const p50 = percentile(viaRpc, 50);
  console.log(`1-row query, ${CALLS} calls`);
  console.log(`  direct handler  p50 ${ms(percentile(direct, 50))}  p95 ${ms(percentile(direct, 95))}`);
  console.log(`  over WebSocket  p50 ${ms(p50)}  p95 ${ms(percentile(viaRpc, 95))}  (target p50 <= 5 ms: ${p50 <= 5 ? 'met' : 'MISSED'})`);
  console.log(`  RPC overhead    p50 ${ms(p50 - percentile(direct, 50))}  ratio ${(p50 / percentile(direct, 50)).toFixed(2)}x`);

  // 2. A full page of ROWS rows as Arrow, transferred and decoded.
  const page = { layer: 'bronze' as const, table: 'bench', offset: 0, limit: ROWS, sort: [] };
  let bytes = 0;
  const decode = (ipc: Uint8Array): void => {
    bytes = ipc.byteLength;
    const table = tableFromIPC(ipc);
    if (table.numRows !== ROWS) throw new Error(`expected ${ROWS} rows, got ${table.numRows}`);
    table.getChild('amount')?.get(ROWS - 1);
  };
  await timeEach(2, async () => decode((await api.tablePage(page)).ipc));
  const directPage = await timeEach(PAGES, async () => decode((await serve.host.handlers.tablePage(page, { signal })).ipc));
  const rpcPage = await timeEach(PAGES, async () => decode((await api.tablePage(page)).ipc));
  const mb = bytes / 1e6;
  const d50 = percentile(directPage, 50);
  const r50 = percentile(rpcPage, 50);
  console.log(`${ROWS}-row Arrow page (${mb.toFixed(1)} MB), ${PAGES} pages`);
  console.log(`  direct handler + decode  p50 ${ms(d50)}  ${(mb / (d50 / 1000)).toFixed(0)} MB/s`);
  console.log(`  over WebSocket + decode  p50 ${ms(r50)}  ${(mb / (r50 / 1000)).toFixed(0)} MB/s`);
  console.log(`  ratio ${(r50 / d50).toFixed(2)}x (the engine's Arrow encoding dominates both)`);

  // 3. The page's bytes alone: WebSocket RPC transfer + decode, without the engine.
  const cached = await serve.host.handlers.tablePage(page, { signal });
  const echo = await payloadServer({ ipc: cached.ipc, columns: cached.columns, rowCount: cached.rowCount });
  const decodeOnly = await timeEach(PAGES, async () => decode(cached.ipc));
  await timeEach(3, async () => decode((await echo.fetchPage()).ipc));
  const transfer = await timeEach(PAGES * 3, async () => decode((await echo.fetchPage()).ipc));
  await echo.stop();
  const t50 = percentile(transfer, 50);
  console.log(`  decode alone (baseline)  p50 ${ms(percentile(decodeOnly, 50))}`);
  console.log(`  transfer + decode        p50 ${ms(t50)}  ${(mb / (t50 / 1000)).toFixed(0)} MB/s`);
  api.close();
} finally {
  await serve.close();
  await rm(base, { recursive: true, force: true });
}
