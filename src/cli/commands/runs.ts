// `ingot runs [run-id]`: the run history, newest first; with a run id, that run's models with
// rows, timings, errors and why a model was not built or not published.
import type { Command } from 'commander';
import { IngotError } from '../../shared/errors.js';
import { notBuiltLabel } from '../../shared/format/not-built-reason.js';
import { getRun, listRuns, recoverInterruptedRuns, type RunModelRecord } from '../../engine/pipeline/history.js';
import { output, textTable, withWorkspace } from '../context.js';

/** A model's status, with why it was not built when the run says so, e.g. "skipped (held back by atomic publish)". */
function statusWithReason(m: Pick<RunModelRecord, 'status' | 'notBuiltReason'>): string {
  return m.notBuiltReason ? `${m.status} (${notBuiltLabel(m.notBuiltReason)})` : m.status;
}

export function registerRuns(program: Command): void {
  program
    .command('runs [runId]')
    .description('list pipeline runs, or show one run in detail')
    .option('--limit <n>', 'how many runs to list', '20')
    .action(async (runId: string | undefined, opts: { limit: string }, cmd: Command) => {
      await withWorkspace(cmd, async (ws) => {
        await ws.db.withConnection(async (conn) => {
          await recoverInterruptedRuns(conn);
          if (runId === undefined) {
            const limit = Number(opts.limit);
            if (!Number.isInteger(limit) || limit <= 0) throw new IngotError('INVALID_INPUT', `--limit must be a positive whole number, not "${opts.limit}".`, { detail: { field: 'limit' } });
            const runs = await listRuns(conn, limit);
            output(cmd, { ok: true, runs }, () =>
              runs.length === 0
                ? 'No runs yet. Start one with `ingot run`.'
                : textTable(
                    ['run', 'status', 'trigger', 'selection', 'started', 'duration', 'built', 'failed', 'skipped', 'unchanged'],
                    runs.map((r) => [r.runId, r.status, r.schedule ? `schedule ${r.schedule}` : r.trigger, r.selection || '(all)', r.startedAt, r.durationMs === null ? '' : `${r.durationMs} ms`, r.counts.built, r.counts.failed, r.counts.skipped, r.counts.unchanged]),
                  ),
            );
            return;
          }
          const id = Number(runId);
          const run = Number.isInteger(id) ? await getRun(conn, id) : undefined;
          if (!run) throw new IngotError('NOT_FOUND', `No run #${runId}.`, { hint: '`ingot runs` lists the runs.', detail: { field: 'runId' } });
          output(cmd, { ok: true, run }, () => {
            const lines = [`Run #${run.runId} (${run.trigger}${run.schedule ? ` ${run.schedule}` : ''}): ${run.status}, started ${run.startedAt}`];
            if (run.message) lines.push(run.message);
            lines.push(
              textTable(
                ['model', 'status', 'action', 'rows in', 'rows out', 'time', 'error'],
                run.models.map((m) => [m.model, statusWithReason(m), m.action, m.rowsIn ?? '', m.rowsOut ?? '', m.durationMs === null ? '' : `${m.durationMs} ms`, m.error?.message ?? '']),
              ),
            );
            return lines.join('\n');
          });
        });
      });
    });
}
