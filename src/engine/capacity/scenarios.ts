// Capacity scenarios as files in the workspace: capacity/<name>.yaml, plain YAML a user can diff
// in git. Saves, lists and loads them; loading validates with the located-error YAML loader.
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { IngotError } from '../../shared/errors.js';
import { SCENARIO_NAME, ScenarioFileSchema, scenarioFileObject, type CapacityInputs, type Scenario } from '../../shared/capacity/index.js';
import type { WorkspacePaths } from '../workspace/workspace.js';
import { loadYamlFile } from '../workspace/yaml-file.js';

export interface NamedScenario extends Scenario {
  name: string;
  /** Path relative to the workspace root (or as given, for a file outside it). */
  file: string;
}

export interface ScenarioListing {
  name: string;
  file: string;
  description?: string;
  /** Set when the file does not validate; the listing still shows it. */
  error?: string;
}

function checkName(name: string): void {
  if (!SCENARIO_NAME.test(name)) {
    throw new IngotError('INVALID_INPUT', `"${name}" is not a valid scenario name.`, {
      hint: 'Use letters, digits, "-", "_" and "." (it becomes the file name capacity/<name>.yaml).',
      detail: { field: 'name' },
    });
  }
}

/** capacity/<name>.yaml in the workspace. */
export function scenarioFile(paths: WorkspacePaths, name: string): string {
  checkName(name);
  return join(paths.capacity, `${name}.yaml`);
}

/** Writes capacity/<name>.yaml; refuses to replace an existing scenario unless `overwrite`. */
export async function saveScenario(
  paths: WorkspacePaths,
  name: string,
  inputs: CapacityInputs,
  options: { description?: string; overwrite?: boolean } = {},
): Promise<string> {
  if (!existsSync(paths.config)) {
    throw new IngotError('NOT_FOUND', `${paths.root} is not an Ingot workspace, so the scenario has nowhere to go.`, {
      hint: 'Run `ingot init` there first, or pass --workspace <dir>.',
      detail: { file: paths.config },
    });
  }
  const file = scenarioFile(paths, name);
  if (existsSync(file) && !options.overwrite) {
    throw new IngotError('INVALID_INPUT', `The scenario "${name}" already exists (capacity/${name}.yaml).`, {
      hint: 'Choose another name, or replace it on purpose (--force on the command line).',
      detail: { file: `capacity/${name}.yaml` },
    });
  }
  await mkdir(paths.capacity, { recursive: true });
  const header = `# Ingot capacity scenario "${name}": edit and run \`ingot estimate --scenario ${name}\`.\n`;
  await writeFile(file, header + stringify(scenarioFileObject(inputs, options.description)), 'utf8');
  return file;
}

/** Loads a scenario by name (capacity/<name>.yaml) or by a path to a YAML file. */
export async function loadScenario(paths: WorkspacePaths, nameOrFile: string): Promise<NamedScenario> {
  const isPath = nameOrFile.includes('/') || nameOrFile.includes('\\') || /\.ya?ml$/i.test(nameOrFile);
  const path = isPath ? resolve(nameOrFile) : scenarioFile(paths, nameOrFile);
  const shown = path.startsWith(paths.root + '/') ? path.slice(paths.root.length + 1) : path;
  if (!existsSync(path)) {
    throw new IngotError('NOT_FOUND', `No capacity scenario ${isPath ? `file ${shown}` : `named "${nameOrFile}" (${shown})`}.`, {
      hint: 'List the saved scenarios with `ingot estimate --list`, or save one with `--save NAME`.',
      detail: { file: shown },
    });
  }
  const scenario = await loadYamlFile(path, ScenarioFileSchema, shown);
  return { ...scenario, name: basename(path, extname(path)), file: shown };
}

/** Every capacity/*.yaml, sorted by name; files that do not validate are listed with their error. */
export async function listScenarios(paths: WorkspacePaths): Promise<ScenarioListing[]> {
  const entries = existsSync(paths.capacity) ? await readdir(paths.capacity) : [];
  const names = entries.filter((f) => /\.ya?ml$/i.test(f)).sort();
  const out: ScenarioListing[] = [];
  for (const entry of names) {
    const file = `capacity/${entry}`;
    const name = basename(entry, extname(entry));
    try {
      const scenario = await loadYamlFile(join(paths.capacity, entry), ScenarioFileSchema, file);
      out.push({ name, file, ...(scenario.description !== undefined ? { description: scenario.description } : {}) });
    } catch (err) {
      out.push({ name, file, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}
