// Test helpers for the pipeline: a workspace in a temp folder, model files, bronze batches
// shaped like ingest's (lineage columns _batch_id, _source_file, _row_number, _loaded_at), and an
// order-independent table hash for comparing table contents.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { qualified } from '../../../src/engine/db/sql.js';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { openWorkspace, type Workspace } from '../../../src/engine/workspace/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';

export interface PipelineSettings {
  atomic_publish?: boolean;
  layer_rule?: 'warn' | 'fail';
  concurrency?: number;
}

/** Creates a workspace folder with the given pipeline settings; does not open it. */
export async function createWorkspace(pipeline: PipelineSettings = {}, extra: Record<string, unknown> = {}): Promise<string> {
  const root = await tempDir('ingot-pipeline-');
  await initWorkspace(root, { name: 'test' });
  const config = {
    name: 'test',
    version: 1,
    duckdb: { threads: 2, memory_limit: '1GB' },
    pipeline: { atomic_publish: true, layer_rule: 'warn', concurrency: 2, ...pipeline },
    ...extra,
  };
  await writeFile(join(root, 'ingot.yaml'), stringify(config), 'utf8');
  return root;
}

/** Creates and opens a workspace. */
export async function openTestWorkspace(pipeline: PipelineSettings = {}): Promise<Workspace> {
  return openWorkspace(await createWorkspace(pipeline));
}

/** Writes models/<layer>/<name>.sql and, when given, its sidecar (an object or YAML text). */
export async function writeModel(root: string, layer: string, name: string, sql: string, sidecar?: Record<string, unknown> | string): Promise<void> {
  const dir = join(root, 'models', layer);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${name}.sql`), sql, 'utf8');
  if (sidecar !== undefined) await writeFile(join(dir, `${name}.yaml`), typeof sidecar === 'string' ? sidecar : stringify(sidecar), 'utf8');
}

/** Appends the rows of `selectSql` to bronze.<table> as one new batch; returns its batch id. */
export async function appendBatch(ws: Workspace, table: string, selectSql: string): Promise<number> {
  return ws.db.withConnection(async (c) => {
    const batch = Number((await c.one<{ id: number }>("SELECT nextval('_ingot.batch_seq') AS id"))?.id);
    const exists = await c.one<{ n: number }>("SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = 'bronze' AND table_name = ?", [table]);
    const rows = `SELECT *, ${batch}::BIGINT AS _batch_id, 'batch_${batch}.csv' AS _source_file, row_number() OVER () AS _row_number, TIMESTAMP '2024-06-01 00:00:00' AS _loaded_at FROM (${selectSql})`;
    if (Number(exists?.n) === 0) await c.run(`CREATE TABLE ${qualified('bronze', table)} AS ${rows}`);
    else await c.run(`INSERT INTO ${qualified('bronze', table)} BY NAME ${rows}`);
    return batch;
  });
}

/** An order-independent fingerprint of a table's rows, plus its row count. */
export async function tableHash(ws: Workspace, relation: string): Promise<string> {
  return ws.db.withConnection(async (c) => {
    const row = await c.one<{ h: unknown; n: number }>(`SELECT coalesce(sum(hash(t)::HUGEINT), 0)::VARCHAR AS h, count(*) AS n FROM ${relation} AS t`);
    return `${String(row?.h)}/${Number(row?.n)}`;
  });
}

/** All rows of a query, for small results. */
export async function rows(ws: Workspace, sql: string, params?: unknown[]): Promise<Record<string, unknown>[]> {
  return ws.db.withConnection((c) => c.all(sql, params));
}
