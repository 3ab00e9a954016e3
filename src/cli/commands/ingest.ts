// `ingot ingest <source-or-file…>` / `ingot ingest --all`: lands each source as a batch in
// bronze and says what happened (rows loaded and rejected, drift, warnings). A progress bar goes
// to stderr on a terminal; Ctrl-C cancels the running load without keeping any of it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ingestDefinition } from '../../engine/ingest/ingest.js';
import { listSourceNames, loadSource, resolveSourceArg, sourceExists } from '../../engine/ingest/sources.js';
import type { IngestResult } from '../../engine/ingest/types.js';
import { IngotError, toErrorData, formatError, type ErrorData } from '../../shared/errors.js';
import { globals, output, withWorkspace } from '../context.js';
import { createProgressBar } from './progress-bar.js';

interface IngestOptions {
  all?: boolean;
  replace?: boolean;
}

type Outcome = { target: string; ok: true; result: IngestResult } | { target: string; ok: false; error: ErrorData };

const count = (n: number): string => n.toLocaleString('en-US');

function describe(o: Outcome): string {
  if (!o.ok) return `${o.target}: error: ${formatError(o.error)}`;
  const r = o.result;
  const lines = [r.message];
  if (!r.unchanged) {
    const of = r.recordsCounted !== null ? ` of ${count(r.recordsCounted)} record${r.recordsCounted === 1 ? '' : 's'}` : '';
    lines.push(`  batch ${r.batchId}: ${count(r.rowsLoaded)} loaded, ${count(r.rowsRejected)} rejected${of} in ${(r.durationMs / 1000).toFixed(1)} s → ${r.table}`);
  }
  for (const d of r.drift) lines.push(`  drift: ${d.column} ${d.change.replace('_', ' ')} (${d.detail})`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  if (r.rowsRejected > 0) lines.push(`  see them: ingot sql "SELECT * FROM _ingot.rejects WHERE batch_id = ${r.batchId}"`);
  return lines.join('\n');
}

export function registerIngest(program: Command): void {
  program
    .command('ingest [sources...]')
    .description('load sources (names from sources/*.yaml, or file paths) into bronze as new batches')
    .option('--all', 'ingest every source of the workspace')
    .option('--replace', "swap each source's data for this load (atomically)")
    .addHelpText('after', `
Examples:
  ingot ingest data/orders.csv      load a file; creates sources/orders.yaml for later loads
  ingot ingest orders customers     load sources by name
  ingot ingest --all                load every source; unchanged files are skipped
  ingot ingest orders --replace     swap bronze.orders for a fresh load of its files

Rows that do not parse are kept in _ingot.rejects with their file, line and error.
Exit codes: 0 loaded, 1 a load failed, 2 bad arguments or source, 3 workspace locked, 4 cancelled.`)
    .action(async (targets: string[], opts: IngestOptions, cmd: Command) => {
      if (!opts.all && targets.length === 0) {
        throw new IngotError('INVALID_INPUT', 'Name the sources or files to ingest, or pass --all.', { hint: 'e.g. `ingot ingest orders` or `ingot ingest data/orders.csv`.' });
      }
      const json = globals(cmd).json === true;
      const bar = createProgressBar(process.stderr, !json && process.stderr.isTTY === true);
      const controller = new AbortController();
      const cancel = (): void => controller.abort();
      process.once('SIGINT', cancel);
      const outcomes: Outcome[] = [];
      try {
        await withWorkspace(cmd, async (ws) => {
          // A source name wins; else a path that exists relative to the current folder is a file to ingest.
          const wanted = opts.all ? await listSourceNames(ws) : targets.map((t) => (!sourceExists(ws, t) && existsSync(resolve(t)) ? resolve(t) : t));
          if (opts.all && wanted.length === 0) throw new IngotError('NOT_FOUND', 'This workspace has no sources yet.', { hint: 'Run `ingot ingest <file>` to add one.' });
          for (const [i, target] of wanted.entries()) {
            const label = opts.all ? target : (targets[i] ?? target);
            try {
              const def = opts.all ? await loadSource(ws, target) : await resolveSourceArg(ws, target);
              const result = await ingestDefinition(ws, def, { replace: opts.replace === true, signal: controller.signal, onProgress: bar.update });
              outcomes.push({ target: label, ok: true, result });
            } catch (err) {
              outcomes.push({ target: label, ok: false, error: toErrorData(err) });
              if (controller.signal.aborted) break;
            } finally {
              bar.clear();
            }
          }
        });
      } finally {
        process.removeListener('SIGINT', cancel);
      }
      const failed = outcomes.filter((o) => !o.ok);
      output(cmd, { ok: failed.length === 0, results: outcomes }, () => outcomes.map(describe).join('\n'));
      if (failed.length > 0) process.exitCode = failed.every((o) => !o.ok && o.error.code === 'CANCELLED') ? 4 : failed.some((o) => !o.ok && ['INVALID_INPUT', 'NOT_FOUND', 'WORKSPACE_INVALID'].includes(o.error.code)) ? 2 : 1;
    });
}
