// Host handlers for data quality: the latest check results and score of every table, the rows a
// model's checks quarantined (as Arrow pages, with counts per reason), fixing a held row, and
// releasing them.
import type { EngineHandlers } from '../../shared/api/engine-api.js';
import { LayerSchema } from '../../shared/api/common.js';
import type { z } from 'zod';
import type { TableQualitySchema } from '../../shared/api/quality.js';
import { IngotError } from '../../shared/errors.js';
import { loadGraph } from '../pipeline/load-graph.js';
import { tableKey } from '../pipeline/model.js';
import { selectModels } from '../pipeline/selection.js';
import { tablePage } from '../query/table-page.js';
import { QUARANTINE_READABLE_COLUMNS, quarantineExists, QUARANTINE_SCHEMA, quarantineTableName } from '../quality/quarantine-table.js';
import { latestCheckRuns, storedCheckResults } from '../quality/results-store.js';
import { listQuarantine, quarantineCounts } from '../quality/quarantine-list.js';
import { releaseQuarantined } from '../quality/quarantine-release.js';
import { fixQuarantinedRow } from '../quality/quarantine-edit.js';
import { activeRun } from '../pipeline/run-lock.js';
import type { SqlConnection } from '../db/connection.js';
import type { HostContext } from './context.js';
import { arrowPayload } from './tables.js';

type TableQuality = z.input<typeof TableQualitySchema>;

export function qualityHandlers(ctx: HostContext): Pick<EngineHandlers, 'quality' | 'quarantine' | 'quarantineSummary' | 'releaseQuarantine' | 'fixQuarantinedRow'> {
  const { workspace, pool } = ctx;
  return {
    quality: async (req) =>
      pool.use(async (conn) => {
        const selecting = req.select.trim() !== '';
        // Without a selection a model file that does not parse must not hide every result: the
        // graph then only names where checks are declared.
        const graph = selecting ? await loadGraph(workspace, conn) : await loadGraph(workspace, conn).catch(() => undefined);
        const selected = selecting && graph ? new Set(selectModels(graph, req.select)) : undefined;
        const declaredIn = (layer: string, model: string): string | undefined => {
          const key = tableKey(layer, model);
          return graph?.nodes.get(key)?.def.sidecarFile ?? graph?.sources.get(key)?.file;
        };
        const tables: TableQuality[] = [];
        for (const run of await latestCheckRuns(conn)) {
          if (selected && !selected.has(tableKey(run.layer, run.model))) continue;
          const layer = LayerSchema.safeParse(run.layer);
          if (!layer.success) continue;
          tables.push({
            layer: layer.data,
            table: run.model,
            runId: run.runId,
            score: run.score,
            checks: (await storedCheckResults(conn, run)).map((check) => {
              const file = check.line !== undefined ? declaredIn(run.layer, run.model) : undefined;
              return file ? { ...check, file } : check;
            }),
            outcome: run.outcome,
            quarantined: run.quarantined,
            rowsChecked: run.rowsChecked,
            held: (await quarantineCounts(conn, run.layer, run.model)).held,
            checkedAt: run.checkedAt.toISOString(),
          });
        }
        return { tables };
      }),
    quarantine: async (req, { signal }) =>
      pool.use(async (conn) => {
        if (!(await quarantineExists(conn, req.layer, req.model))) {
          throw new IngotError('NOT_FOUND', `Nothing has been quarantined for ${req.layer}.${req.model}.`, {
            hint: 'Rows land here when a check with severity quarantine fails during a run.',
            detail: { field: 'model' },
          });
        }
        const order = [
          { column: '_quarantined_at', descending: true },
          { column: '_run_id', descending: true },
        ];
        return arrowPayload(await tablePage(conn, QUARANTINE_SCHEMA, quarantineTableName(req.layer, req.model), req.offset, req.limit, order, { signal, columns: QUARANTINE_READABLE_COLUMNS }));
      }),
    quarantineSummary: async (req) =>
      pool.use(async (conn) => {
        const { table, exists, held, released, reprocessed, reasons } = await listQuarantine(conn, req.layer, req.model, { limit: 0 });
        return { table, exists, held, released, reprocessed, reasons };
      }),
    releaseQuarantine: async (req) =>
      pool.use(async (conn) => {
        await assertNotBeingBuilt(conn, workspace.db.path, req.layer, req.model, 'release');
        return releaseQuarantined(conn, req.layer, req.model, req.filter);
      }),
    fixQuarantinedRow: async (req) =>
      pool.use(async (conn) => {
        await assertNotBeingBuilt(conn, workspace.db.path, req.layer, req.model, 'fix');
        return fixQuarantinedRow(conn, req.layer, req.model, req.row, req.changes, { release: req.release });
      }),
  };
}

/**
 * Refuses to change a model's quarantine while a run of this host builds the model: its gate reads
 * the quarantine before the change and writes it after, so the change would be lost.
 */
async function assertNotBeingBuilt(conn: SqlConnection, dbPath: string, layer: string, model: string, what: 'fix' | 'release'): Promise<void> {
  const run = activeRun(dbPath);
  if (!run) return;
  const id = `${layer}.${model}`;
  if (run.runId !== undefined) {
    const waiting = await conn.one<{ n: number }>("SELECT count(*) AS n FROM _ingot.run_models WHERE run_id = ? AND model = ? AND status IN ('pending', 'running')", [run.runId, id]);
    if (Number(waiting?.n ?? 0) === 0) return;
  }
  throw new IngotError('INVALID_INPUT', `A run${run.runId !== undefined ? ` (#${run.runId})` : ''} is building ${id}, so its held rows cannot be ${what === 'fix' ? 'fixed' : 'released'} now.`, {
    hint: `Try again when the run has finished (the Runs screen shows it); your ${what === 'fix' ? 'changes are' : 'condition is'} still in the form.`,
    detail: { field: 'model' },
  });
}
