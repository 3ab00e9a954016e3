// `ingot export parquet <dir>` writes the published tables as a Parquet lake (one folder per
// table, Hive-partitioned where the model is, plus ingot-lake.json); `ingot export dbt <dir>`
// writes the models and checks as a dbt project for dbt-duckdb. Both replace an earlier export
// in that folder atomically, refuse a folder holding other files, and Ctrl-C cancels cleanly.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { exportDbt, exportLake, parseLayers, type DbtExportResult, type LakeExportResult } from '../../engine/export/index.js';
import { workspacePaths } from '../../engine/workspace/workspace.js';
import { globals, output, textTable, withWorkspace } from '../context.js';

interface ParquetOptions {
  layer?: string[];
  select?: string;
}

export function registerExport(program: Command): void {
  const command = program.command('export').description('take the workspace past one machine: a Parquet lake of its tables, or a dbt project of its models');
  command
    .command('parquet <dir>')
    .description('write published tables as Parquet: <dir>/<layer>/<table>/ and the manifest <dir>/ingot-lake.json')
    .option('--layer <layers>', 'layers to export: gold (default), silver, bronze; repeat it or list them with commas', collect)
    .option('--select <selection>', 'only these tables: name, layer.name, +name, name+, layer:x, tag:x, or a bronze source name')
    .addHelpText('after', `
Examples:
  ingot export parquet lake                          # every gold table
  ingot export parquet lake --layer silver,gold      # silver and gold
  ingot export parquet lake --layer bronze --select orders`)
    .action(async (dir: string, opts: ParquetOptions, cmd: Command) => {
      const layers = parseLayers(opts.layer ?? []);
      const json = globals(cmd).json === true;
      const controller = new AbortController();
      const cancel = (): void => controller.abort();
      process.once('SIGINT', cancel);
      try {
        const result = await withWorkspace(
          cmd,
          (ws) =>
            exportLake(ws, dir, {
              layers,
              selection: opts.select ?? '',
              signal: controller.signal,
              onTable: (table, index, total) => {
                if (!json) process.stderr.write(`exporting ${table} (${index + 1}/${total})\n`);
              },
            }),
          { readOnly: databaseExists(cmd) },
        );
        output(cmd, { ok: true, ...result }, () => describeLake(result));
      } finally {
        process.removeListener('SIGINT', cancel);
      }
    });
  command
    .command('dbt <dir>')
    .description('write the models, sources and checks as a dbt project for dbt-duckdb')
    .option('--project-name <name>', 'the dbt project name (default: the workspace name)')
    .action(async (dir: string, opts: { projectName?: string }, cmd: Command) => {
      const result = await withWorkspace(cmd, (ws) => exportDbt(ws, dir, opts.projectName !== undefined ? { projectName: opts.projectName } : {}), {
        readOnly: databaseExists(cmd),
      });
      output(cmd, { ok: true, ...result }, () => describeDbt(result));
    });
}

/** Read-only unless the database is not created yet (a fresh clone): then it opens once to create it. */
function databaseExists(cmd: Command): boolean {
  return existsSync(workspacePaths(globals(cmd).workspace).database);
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function describeLake(result: LakeExportResult): string {
  const table = textTable(
    ['table', 'rows', 'files', 'partitioned by', 'published by'],
    result.tables.map((t) => [`${t.layer}.${t.name}`, t.rowCount, t.files.length, t.partitionBy ?? '', t.runId !== null ? `run ${t.runId}` : t.batchId !== null ? `batch ${t.batchId}` : '']),
  );
  return `Exported ${count(result.tables.length, 'table')} to ${result.dir} (manifest: ${result.manifest}).\n${table}`;
}

function describeDbt(result: DbtExportResult): string {
  const { generic, singular, freshness } = result.tests;
  const lines = [
    `Wrote the dbt project "${result.projectName}" to ${result.dir}: ${count(result.models.length, 'model')}, ${count(result.sources.length, 'bronze source')}, ${count(generic, 'generic test')}, ${count(singular, 'singular test')}, ${count(freshness, 'freshness rule')}.`,
  ];
  const lost = result.checks.flatMap((c) => c.lost.map((reason) => `  ${c.table} · ${c.check}: ${reason}`));
  if (lost.length > 0) lines.push('Not carried over (also listed in its README.md):', ...lost);
  lines.push(`Next: copy profiles.example.yml to profiles.yml in ${result.dir}, fill in the path of the Ingot database, then run \`dbt build --profiles-dir .\` there.`);
  return lines.join('\n');
}
