// `ingot export dbt <dir>`: the workspace as a dbt project for dbt-duckdb (see dbt-project.ts for
// what it holds). The project is built in memory from one consistent read of the workspace,
// written to a staging folder inside `<dir>`, and swapped in by renames, all or nothing. Only the
// files Ingot generates are replaced; others in the folder (profiles.yml, target/) are kept.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Workspace } from '../../workspace/workspace.js';
import { checkExportFolder, closeExportFolder, guardFs, openExportFolder, type ExportKind } from '../export-folder.js';
import { swapIn } from '../swap.js';
import type { CheckOutcome } from './check-tests.js';
import { buildDbtProject } from './dbt-project.js';
import { checkProjectName, DBT_MARKER, dbtProjectName } from './project-files.js';

export const DBT_KIND: ExportKind = {
  label: 'dbt project',
  marker: DBT_MARKER,
  command: 'ingot export dbt',
  example: 'ingot export dbt dbt-project',
};

/** The top-level entries an export owns; everything else in the folder is the user's. */
const GENERATED = ['dbt_project.yml', 'profiles.example.yml', 'README.md', 'models', 'tests', 'macros', DBT_MARKER] as const;

export interface DbtExportOptions {
  /** The dbt project name (default: the workspace name made a dbt identifier). */
  projectName?: string;
}

export interface DbtExportResult {
  /** Absolute path of the project folder. */
  dir: string;
  projectName: string;
  /** `layer.name` of each model, in build order. */
  models: string[];
  /** `bronze.name` of each source table. */
  sources: string[];
  /** Project-relative paths of the files written, sorted. */
  files: string[];
  /** What each check became, and what of it did not come along. */
  checks: CheckOutcome[];
  /** How many tests of each kind the checks became. */
  tests: { generic: number; singular: number; freshness: number };
}

/** Exports `ws` as a dbt project into `dir` (created when missing). */
export async function exportDbt(ws: Workspace, dir: string, options: DbtExportOptions = {}): Promise<DbtExportResult> {
  const root = resolve(dir);
  const projectName = options.projectName !== undefined ? checkProjectName(options.projectName) : dbtProjectName(ws.config.name);
  await checkExportFolder(root, DBT_KIND, ws.paths);
  const project = await ws.db.withConnection((conn) => conn.transaction((tx) => buildDbtProject(ws, tx, projectName)));
  const folder = await openExportFolder(root, DBT_KIND, ws.paths);
  try {
    await guardFs(async () => {
      for (const entry of ['models', 'tests', 'macros']) await mkdir(join(folder.fresh, entry), { recursive: true });
      for (const [path, content] of project.files) {
        await mkdir(dirname(join(folder.fresh, path)), { recursive: true });
        await writeFile(join(folder.fresh, path), content, 'utf8');
      }
      await swapIn(root, folder.staging, GENERATED);
    }, root, DBT_KIND);
  } finally {
    await closeExportFolder(folder);
  }
  return { dir: root, projectName, models: project.models, sources: project.sources, files: [...project.files.keys()].sort(), checks: project.outcomes, tests: project.tests };
}
