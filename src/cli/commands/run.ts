// `ingot run [selection...]`: builds the selected models (all by default) and prints what each
// did. Ctrl-C cancels the run cleanly: DuckDB is interrupted and published tables stay intact.
import type { Command } from 'commander';
import { formatError } from '../../shared/errors.js';
import type { ModelRunResult } from '../../engine/pipeline/events.js';
import { runPipeline } from '../../engine/pipeline/runner.js';
import { globals, output, textTable, withWorkspace } from '../context.js';

interface RunOptions {
  fullRefresh?: boolean;
  partitions?: string;
}

export function registerRun(program: Command): void {
  program
    .command('run [selection...]')
    .description('build models: name, +name (with upstream), name+ (with downstream), layer:silver, tag:x; default all')
    .option('--full-refresh', 'rebuild incremental models from scratch')
    .option('--partitions <from..to>', 'backfill: rebuild only this partition range of partitioned models')
    .action(async (selection: string[], opts: RunOptions, cmd: Command) => {
      const json = globals(cmd).json === true;
      const controller = new AbortController();
      const onSigint = (): void => controller.abort();
      process.once('SIGINT', onSigint);
      try {
        const result = await withWorkspace(cmd, (ws) =>
          runPipeline(ws, {
            selection: selection.join(' '),
            fullRefresh: opts.fullRefresh === true,
            ...(opts.partitions ? { partitions: opts.partitions } : {}),
            trigger: 'cli',
            signal: controller.signal,
            onEvent: (e) => {
              if (!json && e.type === 'model-finished') process.stderr.write(`${mark(e.result)} ${e.model} ${e.result.status}\n`);
            },
          }),
        );
        output(cmd, { ok: result.status === 'success' || result.status === 'noop', ...result }, () => {
          const lines = [`Run #${result.runId}: ${result.status}`];
          const built = result.models.filter((m) => m.status !== 'unchanged');
          if (built.length > 0) {
            lines.push(
              textTable(
                ['model', 'status', 'mode', 'rows in', 'rows out', 'time'],
                built.map((m) => [m.model, m.status, m.mode, m.rowsIn ?? '', m.rowsOut ?? '', m.durationMs === null ? '' : `${m.durationMs} ms`]),
              ),
            );
          }
          for (const m of result.models) if (m.error && m.status === 'failed') lines.push(formatError(m.error));
          for (const w of result.warnings) lines.push(`warning: ${w}`);
          lines.push(result.message);
          return lines.join('\n');
        });
        if (result.status === 'cancelled') process.exitCode = 4;
        else if (result.status === 'failed' || result.status === 'partial') process.exitCode = 1;
      } finally {
        process.removeListener('SIGINT', onSigint);
      }
    });
}

function mark(r: ModelRunResult): string {
  if (r.status === 'success') return '✓';
  if (r.status === 'failed') return '✗';
  return '·';
}
