// The hand-written part of the ShopFlow workspace, copied into a new sample as it is: the tree
// under assets/sample/shopflow/ (sources/*.yaml) into the workspace root, and the sample's SQL
// models with their sidecars, assets/sample-models/<layer>/, into models/. Files the workspace
// already has are kept.
import { existsSync } from 'node:fs';
import { cp, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ASSETS = new URL('../../../../assets/', import.meta.url);

/** Template folder → where its contents go, relative to the workspace root. */
export const TEMPLATES: readonly { from: string; to: string }[] = [
  { from: fileURLToPath(new URL('sample/shopflow/', ASSETS)), to: '.' },
  { from: fileURLToPath(new URL('sample-models/', ASSETS)), to: 'models' },
];

/** Copies the template trees into the workspace at `root`. */
export async function copyTemplate(root: string): Promise<void> {
  for (const { from, to } of TEMPLATES) {
    if (existsSync(from)) await cp(from, join(root, to), { recursive: true, force: false, errorOnExist: false });
  }
}

/** The workspace's SQL model files, relative to `root`, sorted. */
export async function listModels(root: string): Promise<string[]> {
  const models = join(root, 'models');
  if (!existsSync(models)) return [];
  const entries = await readdir(models, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.sql'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}
