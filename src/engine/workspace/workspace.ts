// A workspace is a folder the user can keep in git: ingot.yaml, sources/, models/, capacity/,
// and a git-ignored .ingot/ holding the DuckDB database and caches. This opens one.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { IngotError } from '../../shared/errors.js';
import type { Database } from '../db/connection.js';
import { openDatabase } from '../db/duckdb.js';
import { migrate } from '../db/migrations/index.js';
import { numberPendingRows } from '../ingest/row-numbers.js';
import { WorkspaceConfigSchema, type WorkspaceConfig } from './config.js';
import { loadYamlFile } from './yaml-file.js';

export const CONFIG_FILE = 'ingot.yaml';

export interface WorkspacePaths {
  root: string;
  config: string;
  sources: string;
  models: string;
  capacity: string;
  /** .ingot/: database, caches, temp files; git-ignored. */
  internal: string;
  database: string;
  temp: string;
  cache: string;
}

export interface Workspace {
  readonly paths: WorkspacePaths;
  readonly config: WorkspaceConfig;
  readonly db: Database;
  /** Path relative to the workspace root, for messages and the ledger. */
  relative(path: string): string;
  close(): void;
}

export function workspacePaths(root: string): WorkspacePaths {
  const abs = resolve(root);
  const internal = join(abs, '.ingot');
  return {
    root: abs,
    config: join(abs, CONFIG_FILE),
    sources: join(abs, 'sources'),
    models: join(abs, 'models'),
    capacity: join(abs, 'capacity'),
    internal,
    database: join(internal, 'ingot.duckdb'),
    temp: join(internal, 'tmp'),
    cache: join(internal, 'cache'),
  };
}

/** Reads and validates ingot.yaml. */
export async function loadConfig(root: string): Promise<WorkspaceConfig> {
  const paths = workspacePaths(root);
  if (!existsSync(paths.config)) {
    throw new IngotError('NOT_FOUND', `No workspace at ${paths.root}: ${CONFIG_FILE} is missing.`, {
      hint: 'Run `ingot init` to create one, or `ingot init --sample shopflow` for the sample, or pass --workspace DIR.',
      detail: { file: paths.config },
    });
  }
  return loadYamlFile(paths.config, WorkspaceConfigSchema, CONFIG_FILE);
}

/** Opens a workspace: validates ingot.yaml, opens the database and brings its schema (and any unfinished row numbering) up to date. */
export async function openWorkspace(root: string, options: { readOnly?: boolean } = {}): Promise<Workspace> {
  const paths = workspacePaths(root);
  const config = await loadConfig(root);
  await mkdir(paths.internal, { recursive: true });
  await mkdir(paths.cache, { recursive: true });
  const tempDirectory = config.duckdb.temp_directory ? resolve(paths.root, config.duckdb.temp_directory) : paths.temp;
  const db = await openDatabase(paths.database, {
    ...(config.duckdb.memory_limit ? { memoryLimit: config.duckdb.memory_limit } : {}),
    ...(config.duckdb.threads ? { threads: config.duckdb.threads } : {}),
    tempDirectory,
    ...(options.readOnly ? { readOnly: true } : {}),
  });
  if (!options.readOnly) {
    try {
      await db.withConnection(async (c) => {
        await migrate(c);
        // Rows a load killed between its commit and its row numbering left unnumbered.
        await numberPendingRows(c);
      });
    } catch (err) {
      db.close();
      throw err;
    }
  }
  return {
    paths,
    config,
    db,
    relative: (p: string) => {
      const abs = resolve(paths.root, p);
      return abs.startsWith(paths.root + '/') ? abs.slice(paths.root.length + 1) : abs;
    },
    close: () => db.close(),
  };
}

/** The default workspace name for a folder. */
export function defaultName(root: string): string {
  return basename(resolve(root)) || 'workspace';
}
