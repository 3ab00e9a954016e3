// Reads a workspace's models (models/<layer>/<name>.sql + optional .yaml sidecar) and sources
// (sources/*.yaml, each filling bronze.<name>) from disk, rejecting what cannot be a model:
// folders that are not layers, names DuckDB would need quoting for, sidecars without SQL,
// and two models with the same name.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IngotError } from '../../shared/errors.js';
import { loadYamlFile } from '../workspace/yaml-file.js';
import type { WorkspacePaths } from '../workspace/workspace.js';
import { defaultModelConfig, ModelConfigSchema } from './model-config.js';
import { LAYERS, type Layer, type ModelDef, type Project, type SourceDef } from './model.js';

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Loads every model and source of the workspace at `paths`. */
export async function loadProject(paths: Pick<WorkspacePaths, 'root' | 'models' | 'sources'>): Promise<Project> {
  const models: ModelDef[] = [];
  const rank = (name: string): number => ((LAYERS as readonly string[]).includes(name) ? (LAYERS as readonly string[]).indexOf(name) : LAYERS.length);
  const entries = (await listDir(paths.models)).sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    if (!(LAYERS as readonly string[]).includes(entry.name)) {
      const layerFiles = (await listDir(join(paths.models, entry.name))).filter((f) => f.name.endsWith('.sql'));
      if (layerFiles.length === 0) continue;
      throw new IngotError('MODEL_INVALID', `models/${entry.name}/ is not a layer, so its models cannot be built.`, {
        hint: `Move the .sql files into models/silver/ or models/gold/ (or models/bronze/); the folder names the DuckDB schema.`,
        detail: { file: `models/${entry.name}` },
      });
    }
    models.push(...(await loadLayer(paths.models, entry.name as Layer)));
  }
  const sources = await loadSources(paths.sources);
  checkDuplicates(models, sources);
  models.sort((a, b) => a.sqlFile.localeCompare(b.sqlFile));
  return { models, sources };
}

async function loadLayer(modelsDir: string, layer: Layer): Promise<ModelDef[]> {
  const dir = join(modelsDir, layer);
  const files = (await listDir(dir)).filter((e) => e.isFile()).map((e) => e.name);
  const out: ModelDef[] = [];
  for (const file of files) {
    const sidecar = /^(.*)\.ya?ml$/.exec(file);
    if (sidecar && !files.includes(`${sidecar[1]}.sql`)) {
      throw new IngotError('MODEL_INVALID', `models/${layer}/${file} describes a model that has no SQL file.`, {
        hint: `Create models/${layer}/${sidecar[1]}.sql with the model's SELECT, or delete the sidecar.`,
        detail: { file: `models/${layer}/${file}` },
      });
    }
    if (!file.endsWith('.sql')) continue;
    const name = file.slice(0, -4);
    const sqlFile = `models/${layer}/${file}`;
    checkModelName(name, sqlFile);
    const yamlName = files.find((f) => f === `${name}.yaml` || f === `${name}.yml`);
    const sidecarFile = yamlName ? `models/${layer}/${yamlName}` : undefined;
    const config = yamlName ? await loadYamlFile(join(dir, yamlName), ModelConfigSchema, sidecarFile) : defaultModelConfig();
    const sql = await readFile(join(dir, file), 'utf8');
    out.push({ id: `${layer}.${name}`, layer, name, sqlFile, sidecarFile, sql, config });
  }
  return out;
}

/** Throws MODEL_INVALID when `name` (of the model in `sqlFile`) cannot name a DuckDB table without quoting, or is reserved. */
export function checkModelName(name: string, sqlFile: string): void {
  if (NAME_RE.test(name) && !name.startsWith('__')) return;
  throw new IngotError('MODEL_INVALID', `${sqlFile}: "${name}" cannot name a model.`, {
    hint: 'Use letters, digits and underscores, starting with a letter (e.g. stg_orders.sql); names starting with "__" are reserved for Ingot.',
    detail: { file: sqlFile },
  });
}

async function loadSources(dir: string): Promise<SourceDef[]> {
  const out: SourceDef[] = [];
  for (const entry of await listDir(dir)) {
    const m = /^(.*)\.ya?ml$/.exec(entry.name);
    if (!entry.isFile() || !m?.[1]) continue;
    out.push({ id: `bronze.${m[1]}`, name: m[1], file: `sources/${entry.name}` });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** Throws MODEL_INVALID when two models share a name, or a bronze model collides with a source. */
export function checkDuplicates(models: readonly ModelDef[], sources: readonly SourceDef[]): void {
  const byName = new Map<string, string>();
  for (const m of models) {
    const other = byName.get(m.name.toLowerCase());
    if (other !== undefined) {
      throw new IngotError('MODEL_INVALID', `Two models are named "${m.name}": ${other} and ${m.sqlFile}.`, {
        hint: 'Model names must be unique across layers so selections like `ingot run ' + m.name + '` are unambiguous; rename one of the files.',
        detail: { file: m.sqlFile, other },
      });
    }
    byName.set(m.name.toLowerCase(), m.sqlFile);
    const source = m.layer === 'bronze' ? sources.find((s) => s.name.toLowerCase() === m.name.toLowerCase()) : undefined;
    if (source) {
      throw new IngotError('MODEL_INVALID', `${m.sqlFile} and ${source.file ?? source.id} both produce bronze.${m.name}.`, {
        hint: 'Rename the model; bronze tables filled by ingest belong to their source.',
        detail: { file: m.sqlFile, other: source.file },
      });
    }
  }
}

async function listDir(dir: string): Promise<import('node:fs').Dirent[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.sort((a, b) => a.name.localeCompare(b.name));
}
