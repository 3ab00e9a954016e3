// The `layer.name` of every model and source a workspace declares, read from its folders:
// `models/<layer>/<name>.sql|yaml` and `sources/<name>.yaml` (bronze). The gate uses it to tell
// a relationships target that is simply not built yet from one that does not exist, when the
// caller did not pass the list: the workspace is found from the database file it opened
// (`<root>/.ingot/ingot.duckdb`).
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { SqlConnection } from '../db/connection.js';

const LAYERS = ['bronze', 'silver', 'gold'] as const;

/** Lower-case `layer.name` of every model and source under `root`. */
export async function workspaceTableNames(root: string): Promise<Set<string>> {
  const names = new Set<string>();
  const sources = join(root, 'sources');
  if (existsSync(sources)) {
    for (const f of await readdir(sources)) if (/\.ya?ml$/i.test(f)) names.add(`bronze.${basename(f, extname(f))}`.toLowerCase());
  }
  for (const layer of LAYERS) {
    const dir = join(root, 'models', layer);
    if (!existsSync(dir)) continue;
    for (const f of await readdir(dir)) if (/\.(sql|ya?ml)$/i.test(f)) names.add(`${layer}.${basename(f, extname(f))}`.toLowerCase());
  }
  return names;
}

/** The workspace folder of the database `conn` is on, if it is a workspace database. */
export async function workspaceRootOf(conn: SqlConnection): Promise<string | undefined> {
  const row = await conn.one<{ path: string | null }>('SELECT path FROM duckdb_databases() WHERE database_name = current_database()');
  const path = row?.path;
  if (!path || basename(dirname(path)) !== '.ingot') return undefined;
  return dirname(dirname(path));
}

/** Tables of the workspace behind `conn` (empty when it is not a workspace database). */
export async function knownTablesOf(conn: SqlConnection): Promise<Set<string>> {
  const root = await workspaceRootOf(conn);
  return root ? workspaceTableNames(root) : new Set();
}
