// `ingot quarantine <model>`: lists a model's quarantined rows with the checks they failed;
// `--release <where>` (or `--release-all`) flags held rows so the model's next run takes them
// back in and judges them again.
import type { Command } from 'commander';
import type { SqlConnection } from '../../engine/db/connection.js';
import { listQuarantine, releaseQuarantined, type QuarantineListing } from '../../engine/quality/index.js';
import { workspaceTableNames } from '../../engine/quality/workspace-tables.js';
import { IngotError } from '../../shared/errors.js';
import { output, textTable, withWorkspace } from '../context.js';

const LAYERS = ['bronze', 'silver', 'gold'];

interface QuarantineOptions {
  release?: string;
  releaseAll?: boolean;
  all?: boolean;
  limit: string;
}

export function registerQuarantine(program: Command): void {
  program
    .command('quarantine <model>')
    .description('list the rows quarantined for a model (name or layer.name) and why; release them for the next run')
    .option('--release <where>', 'release the held rows matching a SQL condition, e.g. "order_id = 42"')
    .option('--release-all', 'release every held row')
    .option('--all', 'also list released rows')
    .option('--limit <n>', 'rows to list', '50')
    .action(async (model: string, opts: QuarantineOptions, cmd: Command) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit <= 0) throw new IngotError('INVALID_INPUT', `--limit must be a positive whole number, not "${opts.limit}".`, { detail: { field: 'limit' } });
      await withWorkspace(cmd, (ws) =>
        ws.db.withConnection(async (conn) => {
          const [layer, name] = await resolveModel(conn, model, await workspaceTableNames(ws.paths.root));
          if (opts.release !== undefined || opts.releaseAll) {
            const { releaseId, released } = await releaseQuarantined(conn, layer, name, opts.releaseAll ? undefined : opts.release);
            output(cmd, { ok: true, layer, model: name, releaseId, released }, () =>
              released === 0
                ? `No held row of ${layer}.${name} matches; nothing was released.`
                : `Released ${released} rows of ${layer}.${name} (release #${releaseId}). The next run of ${layer}.${name} checks them again; rows that pass are published.`,
            );
            return;
          }
          const listing = await listQuarantine(conn, layer, name, { limit, includeReleased: opts.all === true });
          output(cmd, { ok: true, layer, model: name, ...listing }, () => render(layer, name, listing));
        }),
      );
    });
}

/** `silver.orders` as given, or `orders` looked up among the quarantine tables, then the workspace's models. */
async function resolveModel(conn: SqlConnection, model: string, known: ReadonlySet<string>): Promise<[string, string]> {
  const dot = model.indexOf('.');
  if (dot > 0) return [model.slice(0, dot), model.slice(dot + 1)];
  const rows = await conn.all<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'quarantine' ORDER BY table_name");
  const matches = LAYERS.filter((l) => rows.some((r) => r.table_name.toLowerCase() === `${l}_${model}`.toLowerCase()));
  if (matches.length > 1) {
    throw new IngotError('INVALID_INPUT', `Several layers have a quarantined ${model}: ${matches.map((l) => `${l}.${model}`).join(', ')}.`, {
      hint: `Name one as layer.name, e.g. ${matches[0] ?? 'silver'}.${model}.`,
    });
  }
  if (matches[0] !== undefined) return [matches[0], model];
  // Nothing quarantined yet: the model's own layer, when the workspace has it.
  const layers = LAYERS.filter((l) => l !== 'bronze' && known.has(`${l}.${model}`.toLowerCase()));
  if (layers.length === 1 && layers[0] !== undefined) return [layers[0], model];
  const held = rows.map((r) => r.table_name.replace('_', '.'));
  throw new IngotError('NOT_FOUND', layers.length > 1 ? `Several layers have a model ${model}: ${layers.map((l) => `${l}.${model}`).join(', ')}.` : `No model named ${model} in this workspace.`, {
    hint: layers.length > 1 ? `Name one as layer.name, e.g. ${layers[0] ?? 'silver'}.${model}.` : held.length > 0 ? `Models with quarantined rows: ${held.join(', ')}.` : 'Nothing has been quarantined in this workspace yet.',
  });
}

function render(layer: string, model: string, q: QuarantineListing): string {
  if (!q.exists) return `Nothing of ${layer}.${model} has been quarantined.`;
  const lines = [`${q.table}: ${q.held} held, ${q.released} released (waiting for the next run), ${q.reprocessed} re-processed`];
  if (q.reasons.length > 0) lines.push(textTable(['check', 'held rows'], q.reasons.map((r) => [r.check, r.rows])));
  if (q.rows.length > 0) {
    const columns = q.columns.map((c) => c.name).filter((c) => c !== '_failed_checks' && c !== '_quarantined_at' && c !== '_release_id' && c !== '_reprocessed_run_id');
    lines.push(textTable(['failed checks', ...columns], q.rows.map((r) => [(r._failed_checks as string[] | null)?.join(', ') ?? '', ...columns.map((c) => r[c])])));
    if (q.rows.length < q.held) lines.push(`… ${q.held - q.rows.length} more; use --limit to see more.`);
    lines.push('Fix rows in the quarantine table or fix the check, then `--release "<condition>"` to process them again.');
  }
  return lines.join('\n\n');
}
