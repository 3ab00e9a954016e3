// UI benchmark in Chromium (not a timed test; run with `npx tsx test/bench/ui.bench.ts`):
//  1. time from `ingot serve` answering to the first screen being interactive (target ≤ 1.5 s),
//     for a fresh browser profile each time;
//  2. while a ~5-second query runs on the engine, how long a navigation click takes to show the
//     new screen (target ≤ 100 ms), against the same clicks with the engine idle as baseline.
// INGOT_BENCH_WORKSPACE reuses a workspace; otherwise a small ShopFlow sample is made with the CLI.
import { chromium, type Browser, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { ENGINE_CONTRACT } from '../../src/shared/api/index.js';
import { createRpcClient } from '../../src/shared/rpc/client.js';
import { webSocketTransport, type WebSocketLike } from '../../src/shared/rpc/websocket-transport.js';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/fixtures/chromium.js';
import { makeWorkspace, startServe, type RunningServe } from '../e2e/fixtures/ingot-cli.js';

const LOADS = Number(process.env.INGOT_BENCH_LOADS ?? 5);
const CLICKS = Number(process.env.INGOT_BENCH_CLICKS ?? 12);
const QUERY_SECONDS = Number(process.env.INGOT_BENCH_QUERY_SECONDS ?? 5);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number): string => `${x.toFixed(0)} ms`;

/** An engine client of its own, as a second window would have (token as a bearer header). */
function engineClient(server: RunningServe) {
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/rpc`, { headers: { Authorization: `Bearer ${server.token}`, Origin: server.origin } });
  return createRpcClient(ENGINE_CONTRACT, webSocketTransport(socket as unknown as WebSocketLike));
}

/** A query DuckDB needs about `seconds` for, found by timing a smaller one. */
async function slowQuery(api: ReturnType<typeof engineClient>, seconds: number): Promise<string> {
  const sql = (n: number): string => `SELECT count(*) AS n FROM range(${Math.round(n)}) t(i) WHERE hash(i * 7919) % 13 = 0`;
  let rows = 2e7;
  for (;;) {
    const started = performance.now();
    await api.query({ sql: sql(rows), limit: 1 });
    const took = performance.now() - started;
    if (took > 400) return sql((rows * seconds * 1000) / took);
    rows *= 4;
  }
}

/**
 * Opens the tokened URL in a fresh profile; ms from the navigation's start until the Tables
 * screen lists the catalog (checked every frame inside the page, so polling adds no delay).
 */
async function timeFirstScreen(browser: Browser, server: RunningServe): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'commit' });
    const ready = await page.waitForFunction(
      () => (document.querySelector('nav[aria-label="Tables by layer"] button') && document.querySelector('nav[aria-label="Screens"] a') ? performance.now() : null),
      null,
      { polling: 'raf', timeout: 30_000 },
    );
    return (await ready.jsonValue()) ?? NaN;
  } finally {
    await context.close();
  }
}

/** In-page: clicks the navigation link `target` and resolves to ms until its screen's heading shows. */
const CLICK_AND_TIME = `(target) => new Promise((resolve, reject) => {
  const link = [...document.querySelectorAll('nav[aria-label="Screens"] a')].find((a) => a.textContent.trim() === target);
  if (!link) return reject(new Error('no navigation link ' + target));
  const started = performance.now();
  link.click();
  const check = () => (document.querySelector('main h1')?.textContent === target ? resolve(performance.now() - started) : requestAnimationFrame(check));
  check();
})`;

/** Clicks a navigation link and times until its screen's heading shows (to the next frame). */
async function timeClick(page: Page, label: string): Promise<number> {
  const handle = await page.evaluateHandle(CLICK_AND_TIME);
  return (await handle.evaluate((fn, target) => (fn as unknown as (t: string) => Promise<number>)(target), label)) as number;
}

async function clickTimes(page: Page): Promise<number[]> {
  const labels = ['Runs', 'SQL', 'Tables', 'Quality'];
  const times: number[] = [];
  for (let i = 0; i < CLICKS; i++) times.push(await timeClick(page, labels[i % labels.length] ?? 'Tables'));
  return times;
}

const workspace = process.env.INGOT_BENCH_WORKSPACE ?? makeWorkspace('sample', Number(process.env.INGOT_BENCH_ROWS ?? 20_000));
console.log(`workspace: ${workspace}`);

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const loads: number[] = [];
for (let i = 0; i < LOADS; i++) {
  const server = await startServe(workspace);
  try {
    loads.push(await timeFirstScreen(browser, server));
  } finally {
    await server.stop();
  }
}
console.log(`first screen interactive after serve answered: median ${ms(median(loads))}, max ${ms(Math.max(...loads))} (${loads.map(ms).join(', ')}); target ≤ 1500 ms`);

const server = await startServe(workspace);
const api = engineClient(server);
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByRole('status', { name: 'Engine connection' }).filter({ hasText: 'Connected' }).waitFor();
  const idle = await clickTimes(page);

  const sql = await slowQuery(api, QUERY_SECONDS);
  const queryStarted = performance.now();
  const running = api.query({ sql, limit: 1 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const busy = await clickTimes(page);
  const clicksDone = performance.now() - queryStarted;
  await running;
  const queryTook = performance.now() - queryStarted;
  if (clicksDone > queryTook) console.log('warning: the clicks outlasted the query; raise INGOT_BENCH_QUERY_SECONDS');

  console.log(`navigation click, engine idle: median ${ms(median(idle))}, max ${ms(Math.max(...idle))}`);
  console.log(`navigation click during a ${(queryTook / 1000).toFixed(1)} s query: median ${ms(median(busy))}, max ${ms(Math.max(...busy))}; target ≤ 100 ms`);
  console.log(`ratio busy/idle (median): ${(median(busy) / Math.max(0.1, median(idle))).toFixed(2)}`);
} finally {
  api.close();
  await browser.close();
  await server.stop();
}
