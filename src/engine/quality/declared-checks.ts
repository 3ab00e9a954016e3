// Reads the checks a workspace declares, without the pipeline: `models/<layer>/<name>.yaml`
// sidecars (for silver.<name>, gold.<name> …) and `sources/<name>.yaml` (for bronze.<name>).
// Only `checks:` and `tags:` are read here; the rest of those files belongs to their owners.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { z } from 'zod';
import { parseYaml } from '../workspace/yaml-file.js';
import { locateChecks } from './check-positions.js';
import type { CheckTarget } from './check-published.js';
import { workspaceTableNames } from './workspace-tables.js';

const LAYERS = ['bronze', 'silver', 'gold'] as const;

const ChecksPart = z.looseObject({
  checks: z.array(z.unknown()).default([]),
  tags: z.array(z.string()).default([]),
});

export interface DeclaredChecks extends CheckTarget {
  tags: string[];
}

export interface WorkspaceChecks {
  /** Tables that declare at least one check. */
  declared: DeclaredChecks[];
  /** `layer.name` of every model (.sql or .yaml) and source, lower case. */
  knownTables: Set<string>;
}

async function yamlFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((f) => /\.ya?ml$/i.test(f)).sort();
}

async function readDeclared(root: string, path: string, layer: string, model: string): Promise<DeclaredChecks> {
  const text = await readFile(path, 'utf8');
  const file = relative(root, path);
  const parsed = parseYaml(text, ChecksPart, file);
  return { layer, model, file, checks: parsed.checks, positions: locateChecks(text), tags: parsed.tags };
}

/** Loads every declared check of the workspace at `root`. */
export async function loadWorkspaceChecks(root: string): Promise<WorkspaceChecks> {
  const declared: DeclaredChecks[] = [];
  const sources = join(root, 'sources');
  for (const f of await yamlFiles(sources)) declared.push(await readDeclared(root, join(sources, f), 'bronze', basename(f, extname(f))));
  for (const layer of LAYERS) {
    const dir = join(root, 'models', layer);
    for (const f of await yamlFiles(dir)) declared.push(await readDeclared(root, join(dir, f), layer, basename(f, extname(f))));
  }
  return { declared: declared.filter((d) => d.checks.length > 0), knownTables: await workspaceTableNames(root) };
}
