// `ingot plan [selection...]`: what `ingot run` would rebuild and why, without running anything.
import type { Command } from 'commander';
import { planRun } from '../../engine/pipeline/plan-run.js';
import { output, textTable, withWorkspace } from '../context.js';

export function registerPlan(program: Command): void {
  program
    .command('plan [selection...]')
    .description('show what `ingot run` would rebuild and why (SQL changed, upstream changed, new batches, never built)')
    .option('--full-refresh', 'plan a full refresh')
    .option('--partitions <from..to>', 'plan a backfill of this partition range')
    .action(async (selection: string[], opts: { fullRefresh?: boolean; partitions?: string }, cmd: Command) => {
      const report = await withWorkspace(cmd, (ws) =>
        planRun(ws, { selection: selection.join(' '), fullRefresh: opts.fullRefresh === true, ...(opts.partitions ? { partitions: opts.partitions } : {}) }),
      );
      output(cmd, { ok: true, ...report }, () => {
        const lines: string[] = [];
        if (report.models.length === 0) lines.push('No models yet: add models/silver/<name>.sql or models/gold/<name>.sql.');
        else {
          lines.push(
            textTable(
              ['model', 'materialization', 'action', 'why'],
              report.models.map((m) => [m.model, m.materialization, m.action, m.reasons.map((r) => r.message).join('; ') || 'up to date']),
            ),
          );
        }
        for (const w of report.warnings) lines.push(`warning: ${w}`);
        const n = report.models.filter((m) => m.action !== 'skip').length;
        lines.push(report.nothingToDo ? 'Nothing to do: every selected model is up to date.' : `${n} model${n === 1 ? '' : 's'} would be rebuilt.`);
        return lines.join('\n');
      });
    });
}
