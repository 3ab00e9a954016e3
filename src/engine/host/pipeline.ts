// Host handlers for the pipeline: plans, starting and cancelling runs (whose
// events stream to every client as `runEvent`), and run history.
import type { EngineHandlers } from '../../shared/api/engine-api.js';
import { IngotError } from '../../shared/errors.js';
import { getRun, listRuns, runModels } from '../pipeline/history.js';
import { planRun } from '../pipeline/plan-run.js';
import type { HostContext } from './context.js';
import { toRunSummary } from './run-dto.js';
import { runNotFound, type RunRegistry } from './run-registry.js';

type PipelineHandlers = Pick<EngineHandlers, 'plan' | 'startRun' | 'cancelRun' | 'listRuns' | 'getRun'>;

export function pipelineHandlers(ctx: HostContext, runs: RunRegistry): PipelineHandlers {
  const { workspace, pool } = ctx;
  return {
    plan: async (req) => {
      const report = await planRun(workspace, { selection: req.select });
      return { items: report.models.map((m) => ({ model: m.model, action: m.action === 'skip' ? 'skip' : 'build', reasons: m.reasons.map((r) => r.message) })) };
    },
    startRun: async (req) => ({
      runId: await runs.start({
        selection: req.select,
        fullRefresh: req.fullRefresh,
        trigger: 'manual',
        ...(req.partitions !== undefined ? { partitions: req.partitions } : {}),
      }),
    }),
    cancelRun: async (req) => {
      if (runs.cancel(req.runId)) return { ok: true };
      // Already finished (a race with its last event) is fine; a run that never existed is not.
      const known = await pool.use((conn) => getRun(conn, req.runId));
      if (!known) throw runNotFound(req.runId);
      if (known.status === 'running') {
        throw new IngotError('INVALID_INPUT', `Run #${req.runId} was started by another program, so it cannot be cancelled from here.`, {
          hint: 'A run started from the command line stops with Ctrl+C there.',
          detail: { field: 'runId' },
        });
      }
      return { ok: true };
    },
    listRuns: async (req) =>
      pool.use(async (conn) => {
        const records = await listRuns(conn, req.limit);
        const models = await runModels(conn, records.map((r) => r.runId));
        return { runs: records.map((record) => toRunSummary(record, models.get(record.runId) ?? [])) };
      }),
    getRun: async (req) => {
      const run = await pool.use((conn) => getRun(conn, req.runId));
      if (!run) throw runNotFound(req.runId);
      return toRunSummary(run, run.models);
    },
  };
}
