// `ingot init`: creates the folder layout, a commented ingot.yaml and the .gitignore that keeps
// the database and caches out of git. Never overwrites an existing workspace.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { IngotError } from '../../shared/errors.js';
import { CONFIG_FILE, defaultName, workspacePaths, type WorkspacePaths } from './workspace.js';

const GITIGNORE = `# Ingot: the database, caches and spill files are rebuilt from sources; keep them out of git.
.ingot/
`;

/** Creates a new workspace at `root`. Fails if an ingot.yaml is already there. */
export async function initWorkspace(root: string, options: { name?: string } = {}): Promise<WorkspacePaths> {
  const paths = workspacePaths(root);
  if (existsSync(paths.config)) {
    throw new IngotError('INVALID_INPUT', `A workspace already exists at ${paths.root}.`, {
      hint: 'Choose an empty folder, or open the existing workspace.',
      detail: { file: paths.config },
    });
  }
  for (const dir of [paths.root, paths.sources, join(paths.models, 'silver'), join(paths.models, 'gold'), paths.capacity, paths.internal]) {
    await mkdir(dir, { recursive: true });
  }
  const config = {
    name: options.name ?? defaultName(root),
    version: 1,
    duckdb: { memory_limit: '4GB', threads: 2, temp_directory: '.ingot/tmp' },
    pipeline: { atomic_publish: true, layer_rule: 'warn', concurrency: 2 },
    schedules: [],
  };
  const header = `# Ingot workspace. Sources live in sources/*.yaml, SQL models in models/<layer>/*.sql.\n`;
  await writeFile(paths.config, header + stringify(config), 'utf8');
  if (!existsSync(join(paths.root, '.gitignore'))) await writeFile(join(paths.root, '.gitignore'), GITIGNORE, 'utf8');
  return paths;
}

export { CONFIG_FILE };
