// Test helpers for the exports: the ShopFlow sample built once per test file (generated,
// ingested with the real ingest, run), small workspaces, reading tables and Parquet back, the
// files under a folder, and rendering exported dbt SQL back into DuckDB SQL.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import type { SqlConnection } from '../../../src/engine/db/connection.js';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { listSourceNames } from '../../../src/engine/ingest/sources.js';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { createShopflowSample } from '../../../src/engine/sample/shopflow.js';
import { openWorkspace, type Workspace } from '../../../src/engine/workspace/workspace.js';

const shared: string[] = [];

afterAll(async () => {
  for (const dir of shared.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The ShopFlow sample, ingested and built, in a folder kept for the whole test file. */
export async function shopflowWorkspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ingot-export-shop-'));
  shared.push(dir);
  const root = join(dir, 'shop');
  await createShopflowSample(root, { rows: 2000, threads: 2 });
  const ws = await openWorkspace(root);
  try {
    for (const name of await listSourceNames(ws)) await ingestSource(ws, name);
    const run = await runPipeline(ws);
    expect(run.status).toBe('success');
  } finally {
    ws.close();
  }
  return root;
}

/** Opens the workspace at `root`, runs `fn` on a connection, and closes both. */
export async function withWorkspaceConnection<T>(root: string, fn: (conn: SqlConnection, ws: Workspace) => Promise<T>): Promise<T> {
  const ws = await openWorkspace(root);
  try {
    return await ws.db.withConnection((conn) => fn(conn, ws));
  } finally {
    ws.close();
  }
}

/** Rows in `a` and not in `b`, plus rows in `b` and not in `a`, counting repeats (EXCEPT ALL both ways). */
export async function differences(conn: SqlConnection, a: string, b: string): Promise<{ onlyLeft: number; onlyRight: number }> {
  const count = async (x: string, y: string): Promise<number> => Number((await conn.one<{ n: number }>(`SELECT count(*) AS n FROM ((${x}) EXCEPT ALL (${y}))`))?.n);
  return { onlyLeft: await count(a, b), onlyRight: await count(b, a) };
}

/** Every file under `dir`, relative, '/'-separated, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** Top-level names in `dir` that an export's staging would leave. */
export async function stagingLeftovers(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith('.ingot-staging-'));
}

/**
 * Exported dbt SQL as DuckDB SQL: `{{ source('bronze', 'x') }}` → bronze."x", `{{ ref('y') }}` →
 * what `refTo` says (default `<layer>."y"`), Jinja-escaped text back as written, config lines dropped.
 */
export function renderDbtSql(sql: string, refTo: (model: string) => string): string {
  return sql
    .replace(/\{\{ config\(.*\) \}\}\n/g, '')
    .replace(/\{\{ source\('bronze', '([^']+)'\) \}\}/g, (_m, table: string) => `bronze."${table}"`)
    .replace(/\{\{ ref\('([^']+)'\) \}\}/g, (_m, model: string) => refTo(model))
    .replace(/\{\{ '(\{[{%#])' \}\}/g, '$1');
}
