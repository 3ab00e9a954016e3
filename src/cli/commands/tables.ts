// `ingot tables`: the tables of each layer with rows, estimated size, rejected rows (bronze)
// and when they were last loaded.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { listTables } from '../../engine/ingest/tables.js';
import { IngotError } from '../../shared/errors.js';
import { workspacePaths } from '../../engine/workspace/workspace.js';
import { globals, output, textTable, withWorkspace } from '../context.js';

const LAYERS = ['bronze', 'silver', 'gold', 'quarantine'];

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

export function registerTables(program: Command): void {
  program
    .command('tables')
    .description('list the tables of each layer with rows, size and last load')
    .option('--layer <layer>', 'only this layer: bronze, silver, gold or quarantine')
    .action(async (opts: { layer?: string }, cmd: Command) => {
      if (opts.layer !== undefined && !LAYERS.includes(opts.layer)) {
        throw new IngotError('INVALID_INPUT', `Unknown layer "${opts.layer}".`, { hint: `Use one of: ${LAYERS.join(', ')}.` });
      }
      // Read-only, unless the database is not built yet (a fresh clone): then opening creates it.
      const readOnly = existsSync(workspacePaths(globals(cmd).workspace).database);
      const tables = (await withWorkspace(cmd, (ws) => ws.db.withConnection(listTables), { readOnly })).filter((t) => !opts.layer || t.layer === opts.layer);
      output(cmd, { ok: true, tables }, () =>
        tables.length === 0
          ? 'No tables yet. Load a file with `ingot ingest <file>`.'
          : textTable(
              ['table', 'kind', 'rows', 'rejected', 'size', 'last load'],
              tables.map((t) => [`${t.layer}.${t.name}`, t.kind, t.rows.toLocaleString('en-US'), t.rowsRejected ?? '', size(t.bytes), t.lastLoadedAt ?? '']),
            ),
      );
    });
}
