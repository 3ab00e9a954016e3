// `ingot check [selection…]`: evaluates the declared checks on the published tables without
// rebuilding anything (report only: nothing is quarantined), prints each table's checks and its
// quality score, and exits with 1 when any check fails.
import type { Command } from 'commander';
import { checkPublished, describeScore, loadWorkspaceChecks, selectTargets, type PublishedCheckReport } from '../../engine/quality/index.js';
import { formatError } from '../../shared/errors.js';
import { countOf } from '../../shared/format/count.js';
import { output, textTable, withWorkspace } from '../context.js';

export function registerCheck(program: Command): void {
  program
    .command('check [selection...]')
    .description('run the quality checks on published tables (name, layer.name, layer:silver, tag:x; default all)')
    .option('--sql', 'also print the one-pass SQL of each table')
    .addHelpText('after', `\n${describeScore()}`)
    .action(async (selection: string[], opts: { sql?: boolean }, cmd: Command) => {
      await withWorkspace(cmd, async (ws) => {
        const { declared, knownTables } = await loadWorkspaceChecks(ws.paths.root);
        const targets = selectTargets(declared, selection);
        const reports = await ws.db.withConnection((conn) => checkPublished(conn, targets, { knownTables }));
        const failed = reports.some((r) => r.outcome === 'error');
        output(cmd, { ok: !failed, tables: reports }, () => render(reports, opts.sql === true));
        if (failed) process.exitCode = 1;
      });
    });
}

function render(reports: readonly PublishedCheckReport[], withSql: boolean): string {
  if (reports.length === 0) return 'No table declares checks yet. Add a `checks:` list to a model sidecar (models/<layer>/<name>.yaml) or a source.';
  const blocks = reports.map((r) => {
    // Checks that could not run counted no rows: say that, not "0 rows".
    if (r.error) return `${r.layer}.${r.model}: error · its checks did not run\n  ${formatError(r.error).replaceAll('\n', '\n  ')}`;
    const score = r.score === null ? 'no score' : `score ${r.score}`;
    const head = `${r.layer}.${r.model}: ${r.outcome} · ${countOf(r.rowsChecked, 'row')} · ${score}`;
    const table = textTable(
      ['status', 'check', 'severity', 'failing', 'message'],
      r.results.map((c) => [c.status, c.name, c.severity, c.failingRows, c.message]),
    );
    return [head, table, ...(withSql ? [r.sql] : [])].join('\n');
  });
  return blocks.join('\n\n');
}
